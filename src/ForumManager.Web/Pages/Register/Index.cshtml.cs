using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Mail;
using ForumManager.Web.Areas.Identity.Pages.Account;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Register;

/// <summary>
/// Open registration: creates the account (its address confirmed by mail) or uses the signed-in one with its own
/// address, takes a place if one is free or joins the waiting list, and queues the notice, all in one transaction.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ForumServices.AuthRateLimit)]
public sealed class IndexModel(
    ForumDbContext db,
    CurrentForum current,
    UserManager<ForumUser> users,
    ForumPlaces places,
    PersonalData personalData,
    MailQueue mail,
    Accounts.IdentityMailSender accountMail,
    Accounts.AccountConfirmation confirmation,
    PublicLinks links,
    QuestionForm questions,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    Notices.NoticeRenderer notices,
    Logistics.TravelForm travel) : PageModel
{
    /// <summary>The room request, bound only under its own prefix by the post handler; flights come later, on /me/travel.</summary>
    public Logistics.StayInput Stay { get; set; } = new();

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    /// <summary>The token from an invitation link: it lets a delegation's head register even when registration is not open.</summary>
    [BindProperty(SupportsGet = true, Name = "invitation")]
    public string? InvitationToken { get; set; }

    public Invitation? Invitation { get; private set; }

    public Forum? Forum { get; private set; }
    public string? ClosedMessage { get; private set; }
    public bool SignedIn { get; private set; }
    public IReadOnlyList<(int Id, string NameEn, string NameZh)> Delegations { get; private set; } = [];
    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
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
        if (Forum is null || ClosedMessage is not null)
        {
            return Page();
        }

        var account = SignedIn ? await users.GetUserAsync(User) : null;
        if (account is not null)
        {
            // Someone signed in registers with the address their account proved, whatever the form says: otherwise an
            // account could register an address it does not own, or learn whether someone else's is registered.
            // The posted value and any error about it go too, so the page shown again holds the account's address.
            ModelState.Remove("Input.Email");
            Input.Email = account.Email ?? string.Empty;
        }

        DelegateForm.Clean(Input);
        Input.Answers = QuestionForm.Align(Questions, Input.Answers);
        await ValidateAsync(Forum, account, ct);
        await TryUpdateModelAsync(Stay, nameof(Stay));
        if (Stay.Sharing == Core.Logistics.Sharing.Named)
            Stay.Sharing = Core.Logistics.Sharing.SameGender;
        travel.CheckStay(Forum, Stay, new Logistics.TravelOptions([], [], Forum.StartDate, Forum.EndDate), ModelState, nameof(Stay));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (account is null && await AddressInUseAsync(Forum, ct))
        {
            // Answered as any registration is, and told to the address's owner instead, so the page does not say who has
            // an account or a registration. Nothing is stored.
            var forumId = Forum.Id;
            var free = await db.Forums.AnyAsync(f => f.Id == forumId && (f.Capacity == null || f.PlacesTaken < f.Capacity), ct);
            TempData["Registered"] = (free ? RegistrationStatus.Submitted : RegistrationStatus.Waitlisted).ToString();
            TempData["RegisteredEmail"] = Input.Email;
            return RedirectToPage("Done");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = account ?? NewAccount(now);
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
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    role.State = EntityState.Detached;
                    foreach (var error in created.Errors)
                    {
                        ModelState.AddModelError("Input.Email", error.Description);
                    }

                    return Page();
                }
            }
            else if (!await users.IsInRoleAsync(user, Roles.Delegate))
            {
                await users.AddToRoleAsync(user, Roles.Delegate);
            }

            var hasPlace = await places.TryTakeAsync(Forum.Id, ct);
            var registration = NewDelegate(Forum, user, hasPlace ? RegistrationStatus.Submitted : RegistrationStatus.Waitlisted, now);
            db.Delegates.Add(registration);
            foreach (var answer in QuestionForm.Rows(Input.Answers))
            {
                registration.Answers.Add(answer);
            }

            mail.Add(await notices.RenderAsync(Forum, registration, hasPlace ? Core.Notices.NoticeKind.RegistrationReceived : Core.Notices.NoticeKind.Waitlisted, Notices.NoticeExtras.None, ct));
            await db.SaveChangesAsync(ct);
            if (Stay.Needed)
            {
                db.AccommodationRequests.Add(new Core.Logistics.AccommodationRequest
                {
                    ForumId = Forum.Id, DelegateId = registration.Id, CheckIn = Stay.CheckIn!.Value, CheckOut = Stay.CheckOut!.Value, Type = Stay.Type,
                    Sharing = Stay.Sharing, Notes = string.IsNullOrWhiteSpace(Stay.Notes) ? null : Stay.Notes.Trim(), UpdatedUtc = now,
                });
            }

            db.AuditEntries.Add(new Actor(user.Id, user.Email ?? user.Id)
                .Audit(Forum.Id, now, nameof(Delegate), registration.Id, "registered", after: registration.Status.ToString()));
            await db.SaveChangesAsync(ct);

            if (Invitation is not null && !await AcceptInvitationAsync(Invitation.Id, registration.Id, now, ct))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                Invitation = null;
                ClosedMessage = text["Register_InvitationInvalid"];
                return Page();
            }

            if (account is null)
            {
                await confirmation.SendAsync(user);
            }

            await transaction.CommitAsync(ct);
            mail.NotifySaved();
            TempData["Registered"] = registration.Status.ToString();
            TempData["RegisteredEmail"] = Input.Email;
            return RedirectToPage("Done");
        }
        catch (DbUpdateException)
        {
            // Someone registered the same address a moment ago: the unique index said no, and nothing was kept.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Email", text["Register_AlreadyRegistered"]);
            return Page();
        }
    }

    /// <summary>One registration per invitation, even when two arrive at once: the update only counts if it was still open.</summary>
    private async Task<bool> AcceptInvitationAsync(int invitationId, int delegateId, DateTime now, CancellationToken ct) =>
        await db.Invitations.Where(i => i.Id == invitationId && i.AcceptedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUtc, now).SetProperty(i => i.AcceptedDelegateId, delegateId), ct) == 1;

    private async Task LoadAsync(CancellationToken ct)
    {
        SignedIn = User.Identity?.IsAuthenticated ?? false;
        Forum = await current.GetAsync(ct);
        if (Forum is null)
        {
            ClosedMessage = text["Home_NoForum"];
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var forumId = Forum.Id;
        if (!string.IsNullOrWhiteSpace(InvitationToken))
        {
            var hash = InvitationTokens.Hash(InvitationToken);
            Invitation = await db.Invitations.AsNoTracking().Include(i => i.Delegation)
                .SingleOrDefaultAsync(i => i.TokenHash == hash && i.ForumId == forumId && i.AcceptedUtc == null, ct);
            if (Invitation is null)
            {
                ClosedMessage = text["Register_InvitationInvalid"];
                return;
            }
        }

        if (Forum.Status != ForumStatus.Open || (!Forum.OpenRegistration && Invitation is null))
        {
            ClosedMessage = text["Register_NotOpen"];
        }
        else if (Forum.RegistrationClosesUtc is { } closes && now >= closes)
        {
            ClosedMessage = text["Register_Closed"];
        }

        Questions = await questions.AskedAsync(forumId, ct);
        Input.Answers = QuestionForm.Align(Questions, Input.Answers);
        Delegations = (await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.NameEn)
            .Select(d => new { d.Id, d.NameEn, d.NameZh }).ToListAsync(ct))
            .Select(d => (d.Id, d.NameEn, d.NameZh)).ToList();
    }

    private async Task ValidateAsync(Forum forum, ForumUser? account, CancellationToken ct)
    {
        void Error(string field, string key, params object[] args) => ModelState.AddModelError("Input." + field, text[key, args]);

        DelegateForm.Validate(Input, forum, null, ModelState, text);
        QuestionForm.Validate(Questions, Input.Answers, "Input.Answers", enforceRequired: true, ModelState, text);
        if (Invitation is not null)
        {
            Input.DelegationId = Invitation.DelegationId;
        }
        else if (Input.DelegationId is { } delegationId && Delegations.All(d => d.Id != delegationId))
        {
            Error(nameof(Input.DelegationId), "Validation_Choose");
        }

        if (!Input.Consent)
        {
            Error(nameof(Input.Consent), "Validation_Consent");
        }

        if (account is null)
        {
            await ValidateNewAccountAsync(Error);
        }

        // Someone signed in is told about their own account and address (the form's address is the account's); an
        // anonymous visitor is not told whether an address is taken (see AddressInUseAsync).
        if (ModelState.IsValid && account is not null)
        {
            var forumId = forum.Id;
            var email = Input.Email;
            var userId = account.Id;
            if (await db.Delegates.AnyAsync(d => d.ForumId == forumId && (d.Email == email || d.UserId == userId), ct))
            {
                Error(nameof(Input.Email), "Register_AlreadyRegistered");
            }
        }
    }

    private async Task ValidateNewAccountAsync(Action<string, string, object[]> error)
    {
        if (string.IsNullOrEmpty(Input.Password))
        {
            error(nameof(Input.Password), "Validation_PasswordForAccount", []);
            return;
        }

        var probe = new ForumUser { UserName = Input.Email, Email = Input.Email };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, Input.Password);
            foreach (var problem in result.Errors)
            {
                ModelState.AddModelError("Input.Password", problem.Description);
            }
        }
    }

    /// <summary>
    /// Whether the address of an anonymous registration already has an account or a registration in this edition; if so,
    /// its owner is mailed how to go on. The password is hashed all the same, so this answer takes as long as a new one.
    /// </summary>
    private async Task<bool> AddressInUseAsync(Forum forum, CancellationToken ct)
    {
        var forumId = forum.Id;
        var email = Input.Email;
        var owner = await users.FindByEmailAsync(email);
        var registration = owner is not null ? null
            : await db.Delegates.AsNoTracking().FirstOrDefaultAsync(d => d.ForumId == forumId && d.Email == email, ct);
        if (owner is null && registration is null)
        {
            return false;
        }

        users.PasswordHasher.HashPassword(new ForumUser(), Input.Password!);
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
    private ForumUser NewAccount(DateTime now)
    {
        var user = new ForumUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = $"{Input.GivenName} {Input.FamilyName}",
            PreferredCulture = Input.PreferredLanguage,
            CreatedUtc = now,
        };
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Input.Password!);
        return user;
    }

    private Delegate NewDelegate(Forum forum, ForumUser user, RegistrationStatus status, DateTime now)
    {
        var category = Invitation is null ? DelegateCategory.Delegate : DelegateCategory.HeadOfDelegation;
        var registration = new Delegate
        {
            ForumId = forum.Id,
            DelegationId = Input.DelegationId,
            UserId = user.Id,
            FamilyName = Input.FamilyName,
            GivenName = Input.GivenName,
            CountryCode = Input.CountryCode,
            Email = Input.Email,
            Category = category,
            Status = status,
            PrecedenceRank = Precedence.DefaultRank(category, Input.Position),
            ConsentUtc = now,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        DelegateForm.Apply(Input, registration, personalData);
        return registration;
    }
}
