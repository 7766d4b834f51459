using System.Data.Common;
using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Languages;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.Editions;
using ForumManager.Features.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Features.Tests.Editions;

/// <summary>The demo 2010 forum cloned into 2011 (and 2012), as organizers do it from /admin/editions.</summary>
public sealed class EditionClonerTests : IAsyncLifetime
{
    /// <summary>The tables that hold people, what happened to them, or what an edition publishes or connects: a clone holds none of their rows.</summary>
    private static readonly string[] NeverCopied =
    [
        "Delegates", "Invitations", "CheckIns", "Scans", "DelegateZones", "ZonePresences", "RevokedTokens", "NoticeBatches", "BadgePrints",
        "BadgeBatchJobs", "HotelRooms", "RoomOccupants", "AccommodationRequests", "RoomingListSendings", "Journeys", "Vehicles", "PickupWaves",
        "Transfers", "DelegatePhotos", "SeatAssignments", "Meetings", "PendingImports", "ApiTokens", "WebhookEndpoints", "WebhookEvents",
        "ProgrammeReleases",
    ];

    private static readonly Actor Organizer = new("o1", "organizer@example.org");

    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Should_clone_2010_into_2011_moving_every_session_by_whole_weeks_with_no_new_conflict_and_no_person()
    {
        var forum = await _harness.ForumAsync();
        var firstSession = await _harness.QueryAsync(db => db.Sessions.Where(s => s.ForumId == forum.Id).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        await _harness.QueryAsync(async db =>
        {
            db.ContentTranslations.Add(new ContentTranslation
            {
                ForumId = forum.Id, Field = ContentFields.SessionTitle, ItemId = firstSession, Language = "ru", Value = "Открытие", SourceHash = "x",
                UpdatedUtc = DateTime.UtcNow, UpdatedBy = "t",
            });

            // The demo forum writes with the built-in templates; an organizer's own goes along with the clone.
            db.NoticeTemplates.Add(new Core.Notices.NoticeTemplate
            {
                ForumId = forum.Id, Kind = Core.Notices.NoticeKind.Approved, Language = "en", Subject = "Welcome to {{ forum.name }}",
                Body = "Dear {{ delegate.name }}, you are approved.", UpdatedUtc = DateTime.UtcNow, UpdatedBy = "organizer@example.org",
            });
            return await db.SaveChangesAsync();
        });

        var result = await CloneAsync(forum.Id, "hiscf2011", new DateOnly(2011, 6, 22), keepWeekdays: true);

        // The demo forum opens on Tuesday 22 June 2010; 22 June 2011 is a Wednesday, and 52 weeks on, the nearest, is Tuesday the 21st.
        Assert.Equal(new DateOnly(2010, 6, 22), forum.StartDate);
        Assert.Equal(364, result.Days);
        Assert.Equal("HISCF2011", result.Acronym);
        Assert.Equal(new DateOnly(2011, 6, 21), result.StartDate);
        var (old, copy) = await SessionsAsync(forum.Id, result.ForumId);
        Assert.Equal(old.Count, copy.Count);
        Assert.True(old.Count > 10);
        var zone = forum.TimeZone;
        for (var i = 0; i < old.Count; i++)
        {
            Assert.Equal(old[i].TitleEn, copy[i].TitleEn);
            Assert.Equal(TimeSpan.FromDays(364), copy[i].StartUtc - old[i].StartUtc);
            Assert.Equal(old[i].Duration, copy[i].Duration);
            Assert.Equal(ForumTime.ToLocal(old[i].StartUtc, zone).DayOfWeek, ForumTime.ToLocal(copy[i].StartUtc, zone).DayOfWeek);
            Assert.Equal((old[i].IsPublic, old[i].Capacity, old[i].Languages, old[i].Interpretation), (copy[i].IsPublic, copy[i].Capacity, copy[i].Languages, copy[i].Interpretation));
        }

        // The clone's conflicts are among the original's (its delegates are gone, so there may be fewer, never new ones).
        var newToOld = copy.Select((s, i) => (s.Id, Old: old[i].Id)).ToDictionary(p => p.Id, p => p.Old);
        var conflictsBefore = await ConflictsAsync(forum.Id);
        var conflictsAfter = await ConflictsAsync(result.ForumId);
        foreach (var conflict in conflictsAfter)
        {
            Assert.Contains((conflict.Kind, newToOld[conflict.SessionId], conflict.Other is { } o ? newToOld[o] : (int?)null),
                conflictsBefore.Select(c => (c.Kind, c.SessionId, c.Other)));
        }

        var clone = await _harness.QueryAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == result.ForumId));
        Assert.Equal((ForumStatus.Draft, forum.Id, forum.RetentionDays, forum.TimeZoneId, forum.FurtherLanguages, forum.HostEn),
            (clone.Status, clone.ClonedFromId, clone.RetentionDays, clone.TimeZoneId, clone.FurtherLanguages, clone.HostEn));
        Assert.Equal((0, 0), (clone.PlacesTaken, clone.DelegateNumbersIssued));

        // Configuration came along, with its dates moved and nothing given out.
        var blocks = await _harness.QueryAsync(db => db.RoomBlocks.AsNoTracking().Where(b => b.ForumId == forum.Id || b.ForumId == result.ForumId).OrderBy(b => b.Id).ToListAsync());
        var (oldBlocks, newBlocks) = (blocks.Where(b => b.ForumId == forum.Id).ToList(), blocks.Where(b => b.ForumId == result.ForumId).ToList());
        Assert.NotEmpty(oldBlocks);
        Assert.Equal(oldBlocks.Select(b => b.FirstNight.AddDays(364)), newBlocks.Select(b => b.FirstNight));
        Assert.All(newBlocks, b => Assert.Equal(0, b.Allocated));
        foreach (var table in new[] { "Venues", "Rooms", "Tracks", "Hotels", "Questions", "NoticeTemplates", "Zones", "ZoneCheckpoints", "SeatLayouts", "Delegations" })
        {
            var (before, after) = await CountAsync(table, forum.Id, result.ForumId);
            Assert.True(after > 0 && after <= before, $"{table}: {before} in 2010, {after} in the clone");
        }

        // No person: every personal table is empty for the clone, no session names a delegate, no one is enrolled.
        foreach (var table in NeverCopied)
        {
            Assert.Equal((table, 0L), (table, (await CountAsync(table, forum.Id, result.ForumId)).After));
        }

        var newSessionIds = copy.Select(s => s.Id).ToList();
        Assert.Equal(0, await _harness.QueryAsync(db => db.SessionPeople.CountAsync(p => newSessionIds.Contains(p.SessionId) && p.DelegateId != null)));
        Assert.Equal(0, await _harness.QueryAsync(db => db.Enrolments.CountAsync(e => newSessionIds.Contains(e.SessionId))));
        Assert.Equal(0, await _harness.QueryAsync(db => db.DelegateAnswers.CountAsync(a => a.Question!.ForumId == result.ForumId)));

        // And no 2010 delegate's name or address anywhere in the clone's rows.
        var people = await _harness.QueryAsync(db => db.Delegates.AsNoTracking().Where(d => d.ForumId == forum.Id)
            .Select(d => new { d.Email, d.GivenName, d.FamilyName, d.NativeName }).ToListAsync());
        var marks = people.SelectMany(p => new[] { p.Email, $"{p.GivenName} {p.FamilyName}", p.NativeName }).Where(m => m is { Length: > 1 }).Distinct().ToList();
        Assert.True(marks.Count > 20);
        var text = await TextOfAsync(result.ForumId);
        Assert.NotEmpty(text);
        Assert.DoesNotContain(text, value => marks.Any(m => value.Contains(m!, StringComparison.OrdinalIgnoreCase)));

        // Every translation follows its session to the clone (the one added here, and the demo's own).
        Assert.Equal(copy[old.FindIndex(s => s.Id == firstSession)].Id,
            await _harness.QueryAsync(db => db.ContentTranslations.Where(t => t.ForumId == result.ForumId && t.Field == ContentFields.SessionTitle && t.Value == "Открытие")
                .Select(t => t.ItemId).SingleAsync()));
        // The demo's name is translated with "2010" in it: the clone's new name is left to translate, its unchanged theme is not.
        var forumTexts = await _harness.QueryAsync(db => db.ContentTranslations.AsNoTracking().Where(t => t.ForumId == result.ForumId && t.Field.StartsWith("forum.")).ToListAsync());
        Assert.DoesNotContain(forumTexts, t => t.Field == ContentFields.ForumName);
        Assert.Contains(forumTexts, t => t.Field == ContentFields.ForumTheme && t.Language == "ru");
        var originals = await _harness.QueryAsync(db => db.ContentTranslations.AsNoTracking().Where(t => t.ForumId == forum.Id && t.Field == ContentFields.SessionTitle).ToListAsync());
        var cloned = await _harness.QueryAsync(db => db.ContentTranslations.AsNoTracking().Where(t => t.ForumId == result.ForumId && t.Field == ContentFields.SessionTitle).ToListAsync());
        Assert.Equal(
            originals.Select(t => (copy[old.FindIndex(s => s.Id == t.ItemId)].Id, t.Language, t.Value)).OrderBy(t => t).ToList(),
            cloned.Select(t => (t.ItemId, t.Language, t.Value)).OrderBy(t => t).ToList());

        // Audited; and 2010 keeps its release, which the archive shows once 2011 is the public edition.
        Assert.Equal(1, await _harness.QueryAsync(db => db.AuditEntries.CountAsync(a => a.ForumId == result.ForumId && a.Action == "cloned")));
        Assert.True(await _harness.RunAsync(s => s.GetRequiredService<ForumEditions>().ChangeStatusAsync(result.ForumId, EditionStatusChange.Open, Organizer, CancellationToken.None)));
        var released = await _harness.RunAsync(s => s.GetRequiredService<ReleasedAgendas>().LatestAsync(forum.Id, CancellationToken.None));
        var archived = await _harness.RunAsync(s => s.GetRequiredService<EditionArchive>().FindAsync("hiscf2010", CancellationToken.None));
        Assert.NotNull(released);
        Assert.Equal(released.Version, archived?.Agenda.Version);
        Assert.Equal(released.Sessions.Select(s => s.StartUtc), archived?.Agenda.Sessions.Select(s => s.StartUtc));
        var list = await _harness.RunAsync(s => s.GetRequiredService<EditionArchive>().ListAsync(CancellationToken.None));
        Assert.Equal([DemoAcronym], list.Select(e => e.Acronym));
    }

    [Fact]
    public async Task Should_move_by_exactly_the_days_between_the_first_days_when_weekdays_are_not_kept_and_refuse_a_taken_acronym()
    {
        var forum = await _harness.ForumAsync();
        var result = await CloneAsync(forum.Id, "HISCF2011", new DateOnly(2011, 6, 23), keepWeekdays: false);
        Assert.Equal(366, result.Days);
        var (old, copy) = await SessionsAsync(forum.Id, result.ForumId);
        Assert.All(old.Zip(copy), p => Assert.Equal(TimeSpan.FromDays(366), p.Second.StartUtc - p.First.StartUtc));
        Assert.Equal(new DateOnly(2011, 6, 23), await _harness.QueryAsync(db => db.Forums.Where(f => f.Id == result.ForumId).Select(f => f.StartDate).SingleAsync()));

        var forums = await _harness.QueryAsync(db => db.Forums.CountAsync());
        var errors = new FieldErrors();
        var refused = await _harness.RunAsync(s => s.GetRequiredService<EditionCloner>().CloneAsync(forum.Id,
            new CloneInput { Acronym = " hiscf2011 ", NameEn = "X", NameZh = "X", StartDate = new DateOnly(2012, 6, 20) }, Organizer, errors, CancellationToken.None));
        Assert.Null(refused);
        Assert.Contains(errors.All, e => e.Field == "Input.Acronym" && e.Message.Contains("HISCF2011", StringComparison.Ordinal));
        Assert.Equal(forums, await _harness.QueryAsync(db => db.Forums.CountAsync()));
    }

    private const string DemoAcronym = Data.Seeding.DemoForumSeeder.Acronym;

    private Task<CloneResult> CloneAsync(int from, string acronym, DateOnly start, bool keepWeekdays) => _harness.RunAsync(async s =>
    {
        var errors = new FieldErrors();
        var result = await s.GetRequiredService<EditionCloner>().CloneAsync(from,
            new CloneInput { Acronym = acronym, NameEn = "Hunan Sister Cities Forum 2011", NameZh = "2011湖南国际友城合作论坛", StartDate = start, KeepWeekdays = keepWeekdays },
            Organizer, errors, CancellationToken.None);
        Assert.True(errors.IsEmpty, string.Join("; ", errors.All));
        return result!;
    });

    private Task<(List<Session> Old, List<Session> Copy)> SessionsAsync(int from, int to) => _harness.QueryAsync(async db =>
        (await db.Sessions.AsNoTracking().Where(s => s.ForumId == from).OrderBy(s => s.Id).ToListAsync(),
            await db.Sessions.AsNoTracking().Where(s => s.ForumId == to).OrderBy(s => s.Id).ToListAsync()));

    private async Task<IReadOnlyList<Conflict>> ConflictsAsync(int forumId) => await _harness.RunAsync(async s =>
    {
        var db = s.GetRequiredService<ForumDbContext>();
        var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == forumId);
        return await s.GetRequiredService<ProgrammeConflicts>().FindAsync(forum, CancellationToken.None);
    });

    private Task<(long Before, long After)> CountAsync(string table, int from, int to) => _harness.QueryAsync(async db =>
        (await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{table}\" WHERE \"ForumId\" = {from}"), await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{table}\" WHERE \"ForumId\" = {to}")));

    private static async Task<long> ScalarAsync(ForumDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every text value of every row that carries the edition's id, whatever its table.</summary>
    private Task<List<string>> TextOfAsync(int forumId) => _harness.QueryAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes().Where(t => t.FindProperty("ForumId") is not null && t.GetTableName() is not null)
            .Select(t => t.GetTableName()!).Distinct().ToList();
        var values = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"ForumId\" = {forumId}";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string s)
                    {
                        values.Add(s);
                    }
                }
            }
        }

        return values;
    });
}
