using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features.Accounts;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Features.Privacy;
using ForumManager.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Registration;

/// <summary>What the registration form shows: the edition, the invitation it was opened with, and why it is closed if it is.</summary>
public sealed record RegistrationForm(Forum? Forum, Invitation? Invitation, string? ClosedMessage, IReadOnlyList<Question> Questions,
    IReadOnlyList<(int Id, string NameEn, string NameZh)> Delegations)
{
    public bool Open => Forum is not null && ClosedMessage is null;
}

/// <summary>How a registration ended: saved (with the status it got), or refused with a message for a field or the whole form.</summary>
public sealed record RegistrationResult(RegistrationStatus? Status, string? Field = null, IReadOnlyList<string>? Messages = null, bool InvitationGone = false);

/// <summary>
/// Open registration: creates the account (its address confirmed by mail) or uses the signed-in one with its own
/// address, admits the delegate (a place if one is free, else the waiting list, with its notice), keeps the room
/// request and accepts the invitation, all in one transaction.
/// </summary>
public sealed class OpenRegistration(
    ForumDbContext db,
    CurrentForum current,
    UserManager<ForumUser> users,
    Admissions admissions,
    MailQueue mail,
    PersonalData personalData,
    AccountMail accountMail,
    AccountConfirmation confirmation,
    PublicLinks links,
    QuestionForm questions,
    TravelForm travel,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    Accreditation.AccreditationPhotos photos)
{
    public async Task<RegistrationForm> FormAsync(string? invitationToken, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return new RegistrationForm(null, null, text["Home_NoForum"], [], []);
        }

        var forumId = forum.Id;
        Invitation? invitation = null;
        string? closed = null;
        if (!string.IsNullOrWhiteSpace(invitationToken))
        {
            var hash = InvitationTokens.Hash(invitationToken);
            invitation = await db.Invitations.AsNoTracking().Include(i => i.Delegation)
                .SingleOrDefaultAsync(i => i.TokenHash == hash && i.ForumId == forumId && i.AcceptedUtc == null, ct);
            closed = invitation is null ? text["Register_InvitationInvalid"].Value : null;
        }

        if (closed is null && (forum.Status != ForumStatus.Open || (!forum.OpenRegistration && invitation is null)))
        {
            closed = text["Register_NotOpen"];
        }
        else if (closed is null && forum.RegistrationClosesUtc is { } closes && clock.GetUtcNow().UtcDateTime >= closes)
        {
            closed = text["Register_Closed"];
        }

        var delegations = (await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.NameEn)
            .Select(d => new { d.Id, d.NameEn, d.NameZh }).ToListAsync(ct))
            .Select(d => (d.Id, d.NameEn, d.NameZh)).ToList();
        return new RegistrationForm(forum, invitation, closed, await questions.AskedAsync(forumId, ct), delegations);
    }

    /// <summary>
    /// Cleans the form and puts every problem next to its field (keys under <c>Input.</c> and <c>Stay.</c>). Someone
    /// signed in registers with the address their account proved, whatever the form says.
    /// </summary>
    public async Task CheckAsync(RegistrationForm form, RegistrationInput input, StayInput stay, ForumUser? account, FieldErrors errors, CancellationToken ct)
    {
        var forum = form.Forum!;
        if (account is not null)
        {
            input.Email = account.Email ?? string.Empty;
        }

        DelegateForm.Clean(input);
        input.Answers = QuestionForm.Align(form.Questions, input.Answers);
        void Error(string field, string key) => errors.Add("Input." + field, text[key]);

        DelegateForm.Validate(input, forum, null, clock, errors, text);
        QuestionForm.Validate(form.Questions, input.Answers, "Input.Answers", enforceRequired: true, errors, text);
        if (form.Invitation is not null)
        {
            input.DelegationId = form.Invitation.DelegationId;
        }
        else if (input.DelegationId is { } delegationId && form.Delegations.All(d => d.Id != delegationId))
        {
            Error(nameof(input.DelegationId), "Validation_Choose");
        }

        if (!input.Consent)
        {
            Error(nameof(input.Consent), "Validation_Consent");
        }

        if (account is null)
        {
            await CheckNewPasswordAsync(input, errors);
        }
        else if (errors.IsEmpty)
        {
            // Someone signed in is told about their own account and address; an anonymous visitor is not told whether
            // an address is taken (see AddressInUseAsync).
            var forumId = forum.Id;
            var email = input.Email;
            var userId = account.Id;
            if (await db.Delegates.AnyAsync(d => d.ForumId == forumId && (d.Email == email || d.UserId == userId), ct))
            {
                Error(nameof(input.Email), "Register_AlreadyRegistered");
            }
        }

        if (stay.Sharing == Sharing.Named)
        {
            stay.Sharing = Sharing.SameGender;
        }

        travel.CheckStay(forum, stay, new TravelOptions([], [], forum.StartDate, forum.EndDate), errors, "Stay");
    }

    /// <summary>Saves a registration that passed <see cref="CheckAsync"/>, with the photo given on the form, if any, in the same transaction.</summary>
    public async Task<RegistrationResult> SaveAsync(RegistrationForm form, RegistrationInput input, StayInput stay, ForumUser? account, CancellationToken ct,
        Documents.Photos.PassportPhotoResult? photo = null)
    {
        var forum = form.Forum!;
        if (account is null && await AddressInUseAsync(forum, input, ct))
        {
            // Answered as any registration is, and told to the address's owner instead, so the page does not say who has
            // an account or a registration. Nothing is stored.
            var forumId = forum.Id;
            var free = await db.Forums.AnyAsync(f => f.Id == forumId && (f.Capacity == null || f.PlacesTaken < f.Capacity), ct);
            return new RegistrationResult(free ? RegistrationStatus.Submitted : RegistrationStatus.Waitlisted);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = account ?? NewAccount(input, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (account is null)
            {
                // The new account's role goes in with the account, in its one save: UserManager's AddToRoleAsync would
                // ask whether it has the role, look the role up again, check the account again and write it twice.
                var delegateRole = users.NormalizeName(Roles.Delegate);
                var role = db.UserRoles.Add(new IdentityUserRole<string>
                {
                    UserId = user.Id,
                    RoleId = await db.Roles.Where(r => r.NormalizedName == delegateRole).Select(r => r.Id).SingleAsync(ct),
                });
                if (await users.CreateAsync(user) is { Succeeded: false } created)
                {
                    role.State = EntityState.Detached;
                    return new RegistrationResult(null, "Input.Email", [.. created.Errors.Select(e => e.Description)]);
                }
            }
            else if (!await users.IsInRoleAsync(user, Roles.Delegate))
            {
                await users.AddToRoleAsync(user, Roles.Delegate);
            }

            var registration = NewDelegate(form, input, user, now);
            await admissions.AdmitAsync(forum, registration, new Admission(new Actor(user.Id, user.Email ?? user.Id), "registered"), ct);
            if (stay.Needed)
            {
                db.AccommodationRequests.Add(new AccommodationRequest
                {
                    ForumId = forum.Id, DelegateId = registration.Id, CheckIn = stay.CheckIn!.Value, CheckOut = stay.CheckOut!.Value, Type = stay.Type,
                    Sharing = stay.Sharing, Notes = string.IsNullOrWhiteSpace(stay.Notes) ? null : stay.Notes.Trim(), UpdatedUtc = now,
                });
            }

            await db.SaveChangesAsync(ct);
            if (photo is not null)
            {
                await photos.StoreAsync(forum.Id, registration.Id, photo, new Actor(user.Id, user.Email ?? user.Id), ct);
            }

            if (form.Invitation is not null && !await AcceptInvitationAsync(form.Invitation.Id, registration.Id, now, ct))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return new RegistrationResult(null, Messages: [text["Register_InvitationInvalid"]], InvitationGone: true);
            }

            if (account is null)
            {
                await confirmation.SendAsync(user);
            }

            await transaction.CommitAsync(ct);
            mail.NotifySaved();
            return new RegistrationResult(registration.Status);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same address a moment ago: the unique index said no, and nothing was kept.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return new RegistrationResult(null, "Input.Email", [text["Register_AlreadyRegistered"]]);
        }
    }

    /// <summary>One registration per invitation, even when two arrive at once: the update only counts if it was still open.</summary>
    private async Task<bool> AcceptInvitationAsync(int invitationId, int delegateId, DateTime now, CancellationToken ct) =>
        await db.Invitations.Where(i => i.Id == invitationId && i.AcceptedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUtc, now).SetProperty(i => i.AcceptedDelegateId, delegateId), ct) == 1;

    private async Task CheckNewPasswordAsync(RegistrationInput input, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("Input.Password", text["Validation_PasswordForAccount"]);
            return;
        }

        var probe = new ForumUser { UserName = input.Email, Email = input.Email };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, input.Password);
            foreach (var problem in result.Errors)
            {
                errors.Add("Input.Password", problem.Description);
            }
        }
    }

    /// <summary>
    /// Whether the address of an anonymous registration already has an account or a registration in this edition; if so,
    /// its owner is mailed how to go on. The password is hashed all the same, so this answer takes as long as a new one.
    /// </summary>
    private async Task<bool> AddressInUseAsync(Forum forum, RegistrationInput input, CancellationToken ct)
    {
        var forumId = forum.Id;
        var email = input.Email;
        var owner = await users.FindByEmailAsync(email);
        var registration = owner is not null ? null
            : await db.Delegates.AsNoTracking().FirstOrDefaultAsync(d => d.ForumId == forumId && d.Email == email, ct);
        if (owner is null && registration is null)
        {
            return false;
        }

        users.PasswordHasher.HashPassword(new ForumUser(), input.Password!);
        if (owner is not null)
        {
            await accountMail.SendAccountExistsAsync(owner, forum, links.To("/Identity/Account/Login"));
        }
        else
        {
            await accountMail.SendAlreadyRegisteredAsync(registration!, forum);
        }

        return true;
    }

    // The password is hashed before the transaction opens: hashing is slow on purpose and must not hold the lock.
    private ForumUser NewAccount(RegistrationInput input, DateTime now)
    {
        var user = new ForumUser
        {
            UserName = input.Email,
            Email = input.Email,
            DisplayName = $"{input.GivenName} {input.FamilyName}",
            PreferredCulture = input.PreferredLanguage,
            CreatedUtc = now,
        };
        user.PasswordHash = users.PasswordHasher.HashPassword(user, input.Password!);
        return user;
    }

    private Delegate NewDelegate(RegistrationForm form, RegistrationInput input, ForumUser user, DateTime now)
    {
        var category = form.Invitation is null ? DelegateCategory.Delegate : DelegateCategory.HeadOfDelegation;
        var registration = new Delegate
        {
            DelegationId = input.DelegationId,
            UserId = user.Id,
            FamilyName = input.FamilyName,
            GivenName = input.GivenName,
            CountryCode = input.CountryCode,
            Email = input.Email,
            Category = category,
            PrecedenceRank = Precedence.DefaultRank(category, input.Position),
            ConsentUtc = now,
        };
        DelegateForm.Apply(input, registration, personalData);
        foreach (var answer in QuestionForm.Rows(input.Answers))
        {
            registration.Answers.Add(answer);
        }

        return registration;
    }
}
