using System.Globalization;
using ForumManager.Features;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace ForumManager.Web.Api;

/// <summary>
/// The errors the framework answers under <c>/api/v1</c> (no such path, wrong method, wrong content type, a body too
/// large, a request that cannot be read, an unhandled exception) as RFC 9457 problems in the caller's language rather
/// than the site's HTML pages, which stay as they are everywhere else. The API's bodies are bounded to
/// <see cref="MaxBodyBytes"/> by the server, well below the site's upload limit.
/// </summary>
public static partial class ApiErrors
{
    /// <summary>The largest body the server reads for an API call (the API's JSON bodies are far smaller, <see cref="ApiBody.MaxBytes"/>).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Runs after the request's language is known and before routing, so that 404 and 405 pass through it.</summary>
    public static IApplicationBuilder UseForumApiErrors(this IApplicationBuilder app) => app.Use(next => context => InvokeAsync(context, next));

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size && (size.MaxRequestBodySize is null || size.MaxRequestBodySize > MaxBodyBytes))
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            LogUnreadable(Logger(context), context.Request.Method, context.Request.Path, e.StatusCode, e.Message);
            context.Response.Clear();
            await WriteAsync(context, e.StatusCode);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogFailed(Logger(context), e, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await WriteAsync(context, StatusCodes.Status500InternalServerError);
            return;
        }

        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await WriteAsync(context, response.StatusCode);
        }
    }

    private static Task WriteAsync(HttpContext context, int status)
    {
        var (title, detail) = status switch
        {
            StatusCodes.Status404NotFound => ("Api_Problem_NoSuchPath", SharedResource.Get("Api_Problem_NoSuchPathDetail")),
            StatusCodes.Status405MethodNotAllowed => ("Api_Problem_MethodNotAllowed",
                string.Format(CultureInfo.CurrentCulture, SharedResource.Get("Api_Problem_MethodNotAllowedDetail"), context.Request.Method)),
            StatusCodes.Status413PayloadTooLarge => ("Api_Problem_TooLarge",
                string.Format(CultureInfo.CurrentCulture, SharedResource.Get("Api_Problem_TooLargeDetail"), MaxBodyBytes / 1024)),
            StatusCodes.Status415UnsupportedMediaType => ("Api_Problem_UnsupportedMediaType", SharedResource.Get("Api_Problem_UnsupportedMediaTypeDetail")),
            >= 500 => ("Api_Problem_ServerError", SharedResource.Get("Api_Problem_ServerErrorDetail")),
            _ => ("Api_Problem_BadRequest", SharedResource.Get("Api_Problem_BadRequestDetail")),
        };
        context.Response.StatusCode = status;
        return ApiAuthProblems.WriteAsync(context, status, title, detail);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ForumManager.Web.Api.ApiErrors");

    [LoggerMessage(Level = LogLevel.Error, Message = "API call {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "API call {Method} {Path} could not be read ({Status}): {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string method, string path, int status, string reason);
}
