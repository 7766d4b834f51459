using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages;

/// <summary>The friendly page for an unexpected error: a reference id for the person, the details only in the log.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string ReferenceId { get; private set; } = string.Empty;

    public void OnGet() => Handle();

    public void OnPost() => Handle();

    private void Handle()
    {
        ReferenceId = HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (error is not null)
        {
            LogUnhandled(logger, error.Error, ReferenceId, error.Path);
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error, reference {ReferenceId}, path {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string referenceId, string path);
}
