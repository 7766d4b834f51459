using ForumManager.Features.Imports;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Infrastructure;

/// <summary>The checks every spreadsheet upload passes before it is read, with the message shown at its file field.</summary>
public static class SpreadsheetUpload
{
    /// <summary>Why the upload is refused before it is read (no file, an empty one, not CSV or XLSX, too large), or null.</summary>
    public static string? Problem(IFormFile? upload, IStringLocalizer text) => upload switch
    {
        null => text["Import_ChooseFile"].Value,
        { Length: 0 } => text["Import_EmptyFile"].Value,
        _ when !ImportFile.IsSupported(Path.GetFileName(upload.FileName)) => text["Import_WrongType"].Value,
        { Length: > ImportFile.MaxBytes } => text["Import_TooBig", ImportFile.MaxBytes / 1024 / 1024].Value,
        _ => null,
    };
}
