using System.Text;
using ForumManager.Core.Forums;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Documents;
using ForumManager.Documents.Protocol;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Protocol;

public enum SeatingDocumentKind
{
    SeatMap = 0,
    PlaceCards = 1,
    TableCards = 2,
    SeatingList = 3,
}

/// <summary>What printing a session's seating gave: no such session, no plan yet, or the PDF with its file name.</summary>
public sealed record SeatingPrint(bool SessionFound, PdfResult? Pdf, string FileName);

/// <summary>
/// A session's seating as documents: the seat map, place cards, table cards and the door's list, from the session's
/// seating (its layout, who sits where, the seats held back) and the people in the seats.
/// </summary>
public sealed class SeatingDocuments(ForumDbContext db, DocumentHealth health)
{
    public static readonly IReadOnlyDictionary<string, SeatingDocumentKind> BySlug = new Dictionary<string, SeatingDocumentKind>(StringComparer.Ordinal)
    {
        ["seat-map"] = SeatingDocumentKind.SeatMap,
        ["place-cards"] = SeatingDocumentKind.PlaceCards,
        ["table-cards"] = SeatingDocumentKind.TableCards,
        ["seating-list"] = SeatingDocumentKind.SeatingList,
    };

    /// <summary>The plan of a session of the forum, or null when it has no seating yet (or its layout cannot be drawn).</summary>
    public async Task<(bool SessionFound, PrintedSeating? Plan, string Title)> PlanAsync(Forum forum, int sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Room).FirstOrDefaultAsync(s => s.Id == sessionId && s.ForumId == forum.Id, ct);
        if (session is null)
        {
            return (false, null, string.Empty);
        }

        var seating = await db.SessionSeatings.AsNoTracking().Include(s => s.Layout)
            .FirstOrDefaultAsync(s => s.SessionId == sessionId && s.ForumId == forum.Id, ct);
        if (seating?.Layout is not { } layout || SeatLayouts.Problem(layout) is not null)
        {
            return (true, null, session.TitleEn);
        }

        var map = SeatLayouts.Map(layout);
        var assignments = await db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == sessionId && a.ForumId == forum.Id).ToListAsync(ct);
        var reserved = await db.ReservedSeats.AsNoTracking().Where(r => r.SessionId == sessionId && r.ForumId == forum.Id).ToListAsync(ct);
        var delegates = await ProtocolPeople.DelegatesAsync(db, forum.Id, [.. assignments.Where(a => a.DelegateId is not null).Select(a => a.DelegateId!.Value)], ct);
        var guests = await ProtocolPeople.GuestsAsync(db, forum.Id, [.. assignments.Where(a => a.GuestId is not null).Select(a => a.GuestId!.Value)], ct);

        var seated = new List<SeatedPerson>(assignments.Count);
        foreach (var a in assignments.OrderBy(a => a.Table).ThenBy(a => a.Seat).ThenBy(a => a.Behind))
        {
            var person = a.DelegateId is { } d ? delegates.GetValueOrDefault(d) : a.GuestId is { } g ? guests.GetValueOrDefault(g) : null;
            if (person is not null && map.Contains(a.Table, a.Seat))
            {
                seated.Add(new SeatedPerson(a.Table, a.Seat, a.Behind, person));
            }
        }

        var plan = new PrintedSeating(
            ProtocolPeople.Heading(forum, session, session.Room),
            layout.Shape,
            map,
            seated,
            [.. reserved.Where(r => map.Contains(r.Table, r.Seat)).Select(r => new ReservedMark(r.Table, r.Seat, r.Purpose, r.Note))]);
        return (true, plan, session.TitleEn);
    }

    /// <summary>One of the session's documents; what no font could draw is recorded for <c>/health</c>.</summary>
    public async Task<SeatingPrint> PrintAsync(Forum forum, int sessionId, SeatingDocumentKind kind, CancellationToken ct, bool a4 = false, bool withNames = false)
    {
        var (found, plan, title) = await PlanAsync(forum, sessionId, ct);
        var slug = BySlug.First(p => p.Value == kind).Key;
        var fileName = $"{forum.Acronym}-{Slug(title)}-{slug}.pdf";
        if (plan is null)
        {
            return new SeatingPrint(found, null, fileName);
        }

        var pdf = kind switch
        {
            SeatingDocumentKind.SeatMap => SeatMapDocument.Render(plan, a4 ? SeatMapPaper.A4 : SeatMapPaper.A3),
            SeatingDocumentKind.PlaceCards => PlaceCardsDocument.Render(
                [.. plan.Seated.Where(s => !s.Behind).Select(s => new PlaceCard(s.Person, SeatWords.SeatBoth(plan.Shape, s.Table, s.Seat)))],
                $"{plan.Heading.SessionEn} · Place cards"),
            SeatingDocumentKind.TableCards => TableCardsDocument.Render(plan, withNames),
            _ => SeatingListDocument.Render(plan),
        };
        health.Record(pdf.Missing);
        return new SeatingPrint(true, pdf, fileName);
    }

    /// <summary>A session's title as a file name's part: ASCII letters and digits joined by hyphens.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-' && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "session" : text[..Math.Min(text.Length, 60)].TrimEnd('-');
    }
}
