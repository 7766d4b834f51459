using System.Globalization;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Notices;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Notices;

/// <summary>Who a notice to many goes to, as the organizer chose them.</summary>
public sealed record NoticeAudience(RegistrationStatus? Status, DelegateCategory? Category, int? Delegation, string? Country, int? Session,
    DateOnly? ArrivalDay, int? Hotel);

/// <summary>
/// A notice to many is asked for here: the batch and its recipients are saved in one go and the background service,
/// woken, renders and queues each message, so the organizer's request returns at once however many are written to.
/// </summary>
public sealed class NoticeBatchRequests(ForumDbContext db, NoticeBatchService expander, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<int> StartAsync(Forum forum, NoticeKind kind, NoticeWording? wording, NoticeAudience audience, NoticeAttachments attachments,
        IReadOnlyList<int> delegateIds, string createdBy, CancellationToken ct)
    {
        var batch = new NoticeBatch
        {
            ForumId = forum.Id, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = createdBy, Kind = kind,
            SubjectEn = wording?.SubjectEn, BodyEn = wording?.BodyEn, SubjectZh = wording?.SubjectZh, BodyZh = wording?.BodyZh,
            Audience = await DescribeAsync(audience, ct), AttachAgenda = attachments.Agenda, AttachVisaLetter = attachments.VisaLetter,
            AttachQrCode = attachments.QrCode, Total = delegateIds.Count,
            Recipients = delegateIds.Select(id => new NoticeRecipient { DelegateId = id }).ToList(),
        };
        db.NoticeBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        expander.Wake();
        return batch.Id;
    }

    /// <summary>The audience in words, as the batches' list shows it.</summary>
    private async Task<string> DescribeAsync(NoticeAudience audience, CancellationToken ct)
    {
        var parts = new List<string>();
        if (audience.Status is { } status) { parts.Add(text["RegistrationStatus_" + status]); }
        if (audience.Category is { } category) { parts.Add(text["DelegateCategory_" + category]); }
        if (audience.Delegation is { } delegation) { parts.Add(await db.Delegations.Where(d => d.Id == delegation).Select(d => d.NameEn).FirstOrDefaultAsync(ct) ?? "?"); }
        if (audience.Country is { } country) { parts.Add(country); }
        if (audience.Session is { } session) { parts.Add(await db.Sessions.Where(s => s.Id == session).Select(s => s.TitleEn).FirstOrDefaultAsync(ct) ?? "?"); }
        if (audience.ArrivalDay is { } day) { parts.Add(text["Audience_ArrivingOn", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]); }
        if (audience.Hotel is { } hotel) { parts.Add(await db.Hotels.Where(h => h.Id == hotel).Select(h => h.NameEn).FirstOrDefaultAsync(ct) ?? "?"); }
        return parts.Count == 0 ? text["Delegates_All"] : string.Join(" · ", parts);
    }
}
