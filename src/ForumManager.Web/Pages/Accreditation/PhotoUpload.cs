using ForumManager.Documents.Photos;

namespace ForumManager.Web.Pages.Accreditation;

/// <summary>
/// A photo as a form sends it: the file, and the 3:4 crop the page's script chose (in the pixels of the image as shown).
/// Without script the crop fields stay empty and the photo is cut at its centre. Bound under the name <c>Photo</c>.
/// </summary>
public sealed class PhotoUpload
{
    public const string Prefix = "Photo";
    public const string FileField = Prefix + "." + nameof(File);

    public IFormFile? File { get; set; }
    public int? CropX { get; set; }
    public int? CropY { get; set; }
    public int? CropWidth { get; set; }
    public int? CropHeight { get; set; }

    public bool Given => File is { Length: > 0 };

    public PhotoCrop? Crop => CropX >= 0 && CropY >= 0 && CropWidth > 0
        ? new PhotoCrop(CropX.Value, CropY!.Value, CropWidth.Value, CropHeight ?? CropWidth.Value * 4 / 3)
        : null;
}

/// <summary>How the photo field is shown: optional (on the registration form) or not.</summary>
/// <param name="ChooseAgain">The form came back with errors after a photo was chosen: a browser never keeps a file, so the field says to choose it again.</param>
/// <param name="ForStaff">The desk's form: its hint speaks of the person in front of staff, not of "your face".</param>
public sealed record PhotoFieldOptions(bool Optional, bool ChooseAgain = false, bool ForStaff = false);

/// <summary>The review form of one photo: the version the organizer saw, and where to come back to.</summary>
public sealed record PhotoReviewForm(int DelegateId, int Version, string? ReturnTo);
