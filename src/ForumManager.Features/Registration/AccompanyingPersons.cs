using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Registration;

/// <summary>An accompanying person as the delegate enters them.</summary>
public sealed class CompanionForm
{
    public CompanionRole? Role { get; set; }
    public string? Honorific { get; set; }
    public string FamilyName { get; set; } = string.Empty;
    public string GivenName { get; set; } = string.Empty;
    public string? NativeName { get; set; }
    public string Email { get; set; } = string.Empty;
    public Gender? Gender { get; set; }
    public string PreferredLanguage { get; set; } = "en";
}

/// <summary>A companion as the person they accompany sees them.</summary>
public sealed record Companion(int Id, string Reference, CompanionRole Role, string LatinName, string? NativeName, string Email, RegistrationStatus Status,
    DelegateCategory Category);

/// <summary>
/// People who come with a delegate: each has a record of their own (admitted like any registration, so a free place is
/// taken or they wait, they get their notice, and organizers approve them), the accompanying category, the delegate's
/// delegation, country and organization, and by default a room shared with the delegate.
/// </summary>
public sealed class AccompanyingPersons(ForumDbContext db, Admissions admissions, MailQueue mail, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    public async Task<IReadOnlyList<Companion>> OfAsync(int principalId, CancellationToken ct) =>
        (await db.Delegates.AsNoTracking().Where(d => d.AccompaniesId == principalId)
            .OrderBy(d => d.CreatedUtc).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Reference, d.CompanionRole, d.FamilyName, d.GivenName, d.NativeName, d.Email, d.Status, d.Category })
            .ToListAsync(ct))
        .Select(d => new Companion(d.Id, d.Reference, d.CompanionRole ?? CompanionRole.Aide, d.FamilyName.ToUpperInvariant() + " " + d.GivenName, d.NativeName,
            d.Email, d.Status, d.Category))
        .ToList();

    /// <summary>Checks the form; an empty result means <see cref="AddAsync"/> may go ahead.</summary>
    public async Task<FieldErrors> CheckAsync(Forum forum, Delegate principal, CompanionForm form, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!Companions.MayBring(principal))
        {
            errors.Add(string.Empty, text["Companions_NotAllowed"]);
            return errors;
        }

        if (form.Role is not { } role || !Enum.IsDefined(role))
        {
            errors.Add("Input.Role", text["Validation_Choose"]);
        }

        if (form.Gender is { } gender && !Enum.IsDefined(gender))
        {
            errors.Add("Input.Gender", text["Validation_Choose"]);
        }

        if (!Core.Languages.ContentLanguages.Of(forum.FurtherLanguages).Contains(form.PreferredLanguage))
        {
            errors.Add("Input.PreferredLanguage", text["Validation_Language"]);
        }

        NameChecks.Check(errors, text, form.Honorific ?? string.Empty, form.FamilyName, form.GivenName, form.NativeName, null);
        var forumId = forum.Id;
        var principalId = principal.Id;
        var active = await db.Delegates.CountAsync(d => d.AccompaniesId == principalId
            && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected, ct);
        if (active >= Companions.MaxPerDelegate)
        {
            errors.Add(string.Empty, text["Companions_Limit", Companions.MaxPerDelegate]);
        }

        if (form.Email.Length > 0 && await db.Delegates.AnyAsync(d => d.ForumId == forumId && d.Email == form.Email, ct))
        {
            errors.Add("Input.Email", text["Companions_EmailTaken"]);
        }

        return errors;
    }

    /// <summary>
    /// Admits the companion in one transaction: the record (taking a free place or waiting), its notice, the audit line,
    /// and, when the delegate has asked for a room, the same nights in a room they share.
    /// </summary>
    public async Task<Delegate> AddAsync(Forum forum, Delegate principal, CompanionForm form, Actor actor, CancellationToken ct)
    {
        var role = form.Role ?? CompanionRole.Aide;
        var companion = new Delegate
        {
            AccompaniesId = principal.Id,
            CompanionRole = role,
            DelegationId = principal.DelegationId,
            FamilyName = form.FamilyName,
            GivenName = form.GivenName,
            NativeName = form.NativeName,
            Honorific = string.IsNullOrEmpty(form.Honorific) ? null : form.Honorific,
            Organization = principal.Organization,
            CountryCode = principal.CountryCode,
            Nationality = principal.Nationality,
            Email = form.Email,
            Gender = form.Gender,
            Category = DelegateCategory.Accompanying,
            PrecedenceRank = Precedence.DefaultRank(DelegateCategory.Accompanying, null),
            PreferredLanguage = form.PreferredLanguage,
            ConsentUtc = clock.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await admissions.AdmitAsync(forum, companion, new Admission(actor, "added-as-companion", Note: role.ToString()), ct);
        await ShareRoomAsync(forum.Id, principal.Id, companion.Id, role, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        return companion;
    }

    /// <summary>
    /// The companion asks for the delegate's nights in a room the two name each other for, unless the delegate already
    /// shares with someone else; the allocator then puts them together.
    /// </summary>
    private async Task ShareRoomAsync(int forumId, int principalId, int companionId, CompanionRole role, CancellationToken ct)
    {
        var mine = await db.AccommodationRequests.SingleOrDefaultAsync(r => r.DelegateId == principalId, ct);
        if (mine is null)
        {
            return;
        }

        var free = mine.Sharing != Sharing.Named || mine.ShareWithDelegateId is null;
        var now = clock.GetUtcNow().UtcDateTime;
        var shared = RoomTypes.Beds(mine.Type) > 1 ? mine.Type : Companions.SharedRoom(role);
        if (free)
        {
            // A room with two beds (a suite, a twin) stays as asked; a single becomes a room for two.
            mine.Sharing = Sharing.Named;
            mine.ShareWithDelegateId = companionId;
            mine.Type = shared;
            mine.UpdatedUtc = now;
        }

        db.AccommodationRequests.Add(new AccommodationRequest
        {
            ForumId = forumId,
            DelegateId = companionId,
            CheckIn = mine.CheckIn,
            CheckOut = mine.CheckOut,
            Type = free ? shared : RoomType.Single,
            Sharing = free ? Sharing.Named : Sharing.Alone,
            ShareWithDelegateId = free ? principalId : null,
            UpdatedUtc = now,
        });
    }
}
