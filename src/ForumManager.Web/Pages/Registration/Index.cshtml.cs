using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Documents.Photos;
using ForumManager.Features;
using ForumManager.Features.Accreditation;
using ForumManager.Features.Logistics;
using ForumManager.Features.Languages;
using ForumManager.Features.Text;
using ForumManager.Features.Registration;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Pages.Accreditation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ForumManager.Web.Pages.Registration;

/// <summary>The registration form; the registration itself is the Registration feature's <see cref="OpenRegistration"/>.</summary>
[AllowAnonymous]
[EnableRateLimiting(ForumServices.AuthRateLimit)]
[RequestSizeLimit(AccreditationPhotos.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AccreditationPhotos.MaxRequestBytes)]
public sealed class IndexModel(OpenRegistration registration, UserManager<ForumUser> users, AccreditationPhotos photos, ContentTexts texts) : PageModel
{
    /// <summary>The photo for the badge, optional here; checked with the rest and kept in the registration's transaction.</summary>
    [BindProperty]
    public PhotoUpload Photo { get; set; } = new();

    public bool PhotoChooseAgain => Photo.Given && !ModelState.IsValid;

    private RegistrationForm _form = new(null, null, null, [], []);

    /// <summary>The room request, bound only under its own prefix by the post handler; flights come later, on /me/travel.</summary>
    public StayInput Stay { get; set; } = new();

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    /// <summary>The token from an invitation link: it lets a delegation's head register even when registration is not open.</summary>
    [BindProperty(SupportsGet = true, Name = "invitation")]
    public string? InvitationToken { get; set; }

    public Invitation? Invitation => _form.Invitation;
    public Forum? Forum => _form.Forum;
    public string? ClosedMessage { get; private set; }
    public bool SignedIn => User.Identity?.IsAuthenticated ?? false;
    public IReadOnlyList<(int Id, string NameEn, string NameZh)> Delegations => _form.Delegations;
    public IReadOnlyList<Question> Questions => _form.Questions;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);

        // Someone reading the edition's texts in one of its further languages is offered messages in it too.
        if (Core.Languages.ContentLanguages.IsFurther(ContentLanguage))
        {
            Input.PreferredLanguage = ContentLanguage;
        }

        if (Forum is not null)
        {
            Stay.CheckIn = Forum.StartDate.AddDays(-1);
            Stay.CheckOut = Forum.EndDate.AddDays(1);
        }

        if (SignedIn && await users.GetUserAsync(User) is { } user)
        {
            Input.Email = user.Email ?? string.Empty;
        }
        else if (Invitation is not null)
        {
            Input.Email = Invitation.Email;
        }

        // The organizers named the delegation's country when they invited its head: the form starts with it.
        if (Invitation?.Delegation is { CountryCode: { Length: > 0 } country } && string.IsNullOrEmpty(Input.CountryCode))
        {
            Input.CountryCode = country;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!_form.Open)
        {
            return Page();
        }

        var account = SignedIn ? await users.GetUserAsync(User) : null;
        if (account is not null)
        {
            // The posted address and any error about it go: the page shown again holds the account's own address.
            ModelState.Remove("Input.Email");
        }

        await TryUpdateModelAsync(Stay, nameof(Stay));
        var errors = new FieldErrors();
        await registration.CheckAsync(_form, Input, Stay, account, errors, ct);
        PassportPhotoResult? photo = null;
        if (Photo.Given)
        {
            await using var file = Photo.File!.OpenReadStream();
            photo = photos.Prepare(file, Photo.File.Length, Photo.Crop, PhotoUpload.FileField, errors);
        }

        ModelState.AddErrors(errors);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await registration.SaveAsync(_form, Input, Stay, account, ct, photo);
        if (result.Status is { } status)
        {
            TempData["Registered"] = status.ToString();
            TempData["RegisteredEmail"] = Input.Email;
            return RedirectToPage("Done");
        }

        if (result.InvitationGone)
        {
            _form = _form with { Invitation = null };
            ClosedMessage = result.Messages?.FirstOrDefault();
            return Page();
        }

        foreach (var message in result.Messages ?? [])
        {
            ModelState.AddModelError(result.Field ?? string.Empty, message);
        }

        return Page();
    }

    /// <summary>The language the organizers' questions are shown in (<c>?lang=ru</c>); the interface stays Chinese or English.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public string ContentLanguage { get; private set; } = "en";

    /// <summary>The choice of language for the questions; an invitation's link keeps its token.</summary>
    public ContentLanguageBar LanguageBar => new(Core.Languages.ContentLanguages.Of(Forum?.FurtherLanguages), ContentLanguage,
        InvitationToken is { Length: > 0 } token ? "/register?invitation=" + Uri.EscapeDataString(token) : "/register", "Register_QuestionsLanguage");

    private async Task LoadAsync(CancellationToken ct)
    {
        _form = await registration.FormAsync(InvitationToken, ct);
        if (_form.Forum is { } forum)
        {
            ContentLanguage = ContentTexts.ReaderLanguage(forum, Lang, UiLanguage.Chinese);
            var content = await texts.ForAsync(forum.Id, ContentLanguage, ct);
            _form = _form with { Questions = _form.Questions.Select(content.Apply).ToList() };
        }

        ClosedMessage = _form.ClosedMessage;
        Input.Answers = QuestionForm.Align(Questions, Input.Answers);
    }
}
