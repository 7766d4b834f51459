using System.Text.Json;
using ForumManager.Data;
using ForumManager.Features.Privacy;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Me;

/// <summary>
/// Everything held about the signed-in person, as JSON: the account, each registration with its history, photo, seats and
/// meetings, and the mail sent.
/// </summary>
public sealed class DataModel(ForumDbContext db, UserManager<ForumUser> users, PersonalData personalData, TimeProvider clock,
    Features.Forums.PublicLinks links) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var registrations = await db.Delegates.AsNoTracking().Where(d => d.UserId == user.Id).ToListAsync(ct);
        var ids = registrations.Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Delegate" && ids.Contains(a.EntityId))
            .OrderBy(a => a.AtUtc)
            .Select(a => new { a.EntityId, a.AtUtc, a.Action, a.Before, a.After, a.UserName })
            .ToListAsync(ct);
        var registrationIds = registrations.Select(d => d.Id).ToList();
        var answers = await db.DelegateAnswers.AsNoTracking().Where(a => registrationIds.Contains(a.DelegateId))
            .OrderBy(a => a.Question!.Position).ThenBy(a => a.QuestionId)
            .Select(a => new { a.DelegateId, Question = a.Question!.TextEn, a.Text, Choice = a.Choice == null ? null : a.Choice.TextEn })
            .ToListAsync(ct);
        var mail = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ToAddress == user.Email)
            .OrderBy(m => m.CreatedUtc)
            .Select(m => new { m.CreatedUtc, m.Subject, m.Purpose, Status = m.Status.ToString(), m.SentUtc })
            .ToListAsync(ct);

        var photos = await db.DelegatePhotos.AsNoTracking().Where(p => registrationIds.Contains(p.DelegateId))
            .Select(p => new { p.DelegateId, p.Version, Status = p.Status.ToString(), p.RefusalReason, p.UploadedUtc, p.ReviewedUtc })
            .ToListAsync(ct);

        // Where the protocol office seated them and the bilateral meetings they take part in: data about them too.
        var seats = await db.SeatAssignments.AsNoTracking().Where(a => a.DelegateId != null && registrationIds.Contains(a.DelegateId.Value))
            .Join(db.Sessions, a => a.SessionId, s => s.Id, (a, s) => new { a.DelegateId, Session = s.TitleEn, s.StartUtc, a.Table, a.Seat, a.Behind })
            .OrderBy(a => a.StartUtc).ToListAsync(ct);
        var meetings = await db.MeetingParticipants.AsNoTracking().Where(p => p.DelegateId != null && registrationIds.Contains(p.DelegateId.Value))
            .Join(db.Meetings, p => p.MeetingId, m => m.Id, (p, m) => new { p.DelegateId, m.Topic, m.Status, m.StartUtc, m.EndUtc, m.Outcome })
            .ToListAsync(ct);

        var body = new
        {
            exportedUtc = clock.GetUtcNow().UtcDateTime,
            account = new { user.Email, user.DisplayName, user.PreferredCulture, user.CreatedUtc, user.EmailConfirmed, user.TwoFactorEnabled, roles = await users.GetRolesAsync(user) },
            registrations = registrations.Select(d => new
            {
                d.Id, d.Reference, d.ForumId, d.DelegationId, d.FamilyName, d.GivenName, d.NativeName, d.Honorific, d.Position, d.Organization, d.CountryCode,
                d.Email, d.Phone, Category = d.Category.ToString(), Status = d.Status.ToString(), d.StatusReason, d.PreferredLanguage,
                Gender = d.Gender?.ToString(), d.DietaryNeeds, d.AccessibilityNeeds, d.InterpretationLanguage, d.NeedsVisaLetter,
                PassportNumber = personalData.Unprotect(d.PassportNumberProtected), DateOfBirth = personalData.Unprotect(d.DateOfBirthProtected),
                d.Nationality, d.PassportExpiry, d.PassportPlaceOfIssue, d.ConsentUtc, d.CreatedUtc, d.UpdatedUtc,
                answers = answers.Where(a => a.DelegateId == d.Id).Select(a => new { a.Question, Answer = a.Text ?? a.Choice }),
                history = history.Where(h => h.EntityId == d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),

                // The photo itself is a file of its own; the export links it.
                photo = photos.Where(p => p.DelegateId == d.Id).Select(p => new
                {
                    url = links.To(Features.Accreditation.AccreditationPhotos.Url(p.DelegateId, p.Version)),
                    p.Status, p.RefusalReason, p.UploadedUtc, p.ReviewedUtc,
                }).FirstOrDefault(),
                seats = seats.Where(a => a.DelegateId == d.Id).Select(a => new { a.Session, a.StartUtc, a.Table, a.Seat, a.Behind }),
                meetings = meetings.Where(m => m.DelegateId == d.Id).OrderBy(m => m.StartUtc)
                    .Select(m => new { m.Topic, Status = m.Status.ToString(), m.StartUtc, m.EndUtc, Outcome = m.Outcome.ToString() }),
            }),
            mail,
        };
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(body, Json), "application/json; charset=utf-8", "my-forum-data.json");
    }
}
