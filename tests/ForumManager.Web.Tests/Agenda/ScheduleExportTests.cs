using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using ForumManager.Core.Accounts;
using ForumManager.Core.Programme;
using ForumManager.Features.Agenda;
using ForumManager.Features.Programme;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Tests.Agenda;

/// <summary>A fact that reports itself skipped, with the reason, when the public schedule schemas are not beside the repository.</summary>
public sealed class NeedsScheduleSchemasFactAttribute : FactAttribute
{
    public NeedsScheduleSchemasFactAttribute()
    {
        if (ScheduleSchemas.Folder is null)
        {
            Skip = "The schedule schemas are not in ../shared/validators/schedule/ beside the repository, so the exports cannot be validated here.";
        }
    }
}

public static class ScheduleSchemas
{
    /// <summary>../shared/validators/schedule/ from the repository root, found by walking up to the solution file.</summary>
    public static string? Folder { get; } = Find();

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ForumManager.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "validators", "schedule"));
                return File.Exists(Path.Combine(folder, "schedule.xml.xsd")) ? folder : null;
            }
        }

        return null;
    }
}

public sealed class ExportAppFixture : ForumAppFactory;

/// <summary>The released programme as frab/c3voc XML and as iCalendar, read back by a schema validator and a calendar library.</summary>
public sealed class ScheduleExportTests(ExportAppFixture app) : IClassFixture<ExportAppFixture>
{
    [NeedsScheduleSchemasFact]
    public async Task Should_export_schedule_xml_that_the_frab_schema_accepts_in_both_languages()
    {
        foreach (var url in new[] { "/agenda/schedule.xml", "/agenda/schedule.xml?lang=zh" })
        {
            var response = await Clients.Anonymous(app).GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var xml = await response.Content.ReadAsStringAsync();

            var schemas = new XmlSchemaSet();
            schemas.Add(null, Path.Combine(ScheduleSchemas.Folder!, "schedule.xml.xsd"));
            var problems = new List<string>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
            settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
            using (var reader = XmlReader.Create(new StringReader(xml), settings))
            {
                while (reader.Read())
                {
                }
            }

            Assert.True(problems.Count == 0, url + ": " + string.Join(Environment.NewLine, problems.Take(10)));
            var document = new XmlDocument();
            document.LoadXml(xml);
            var events = document.SelectNodes("/schedule/day/room/event")!;
            var publicSessions = await app.WithDbAsync(db => db.Sessions.CountAsync(s => s.IsPublic));
            Assert.Equal(publicSessions, events.Count);
            Assert.Contains(url.EndsWith("zh", StringComparison.Ordinal) ? "开幕式" : "Opening ceremony", xml, StringComparison.Ordinal);
        }
    }

    [NeedsScheduleSchemasFact]
    public async Task Should_export_schedule_json_that_the_c3voc_schema_accepts()
    {
        var schema = Json.Schema.JsonSchema.FromText(await File.ReadAllTextAsync(Path.Combine(ScheduleSchemas.Folder!, "schedule.json")));
        foreach (var url in new[] { "/agenda/schedule.json", "/agenda/schedule.json?lang=zh" })
        {
            var json = await Clients.Anonymous(app).GetStringAsync(url);
            using var document = System.Text.Json.JsonDocument.Parse(json);

            var result = schema.Evaluate(document.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });

            var errors = (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}")).Take(10).ToList();
            Assert.True(result.IsValid, url + ": " + string.Join(Environment.NewLine, errors));
            var days = document.RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("days");
            var events = days.EnumerateArray().SelectMany(d => d.GetProperty("rooms").EnumerateObject().SelectMany(r => r.Value.EnumerateArray())).ToList();
            Assert.Equal(await app.WithDbAsync(db => db.Sessions.CountAsync(s => s.IsPublic)), events.Count);
            Assert.Equal(events.Count, events.Select(e => e.GetProperty("guid").GetString()).Distinct().Count());

            // The validator is not lenient: the same document without one event's title is refused.
            var broken = System.Text.Json.Nodes.JsonNode.Parse(json)!;
            var firstDay = broken["schedule"]!["conference"]!["days"]![0]!["rooms"]!.AsObject().First().Value!.AsArray();
            firstDay[0]!.AsObject().Remove("title");
            using var brokenDocument = System.Text.Json.JsonDocument.Parse(broken.ToJsonString());
            Assert.False(schema.Evaluate(brokenDocument.RootElement, new Json.Schema.EvaluationOptions()).IsValid);
        }
    }

    [Fact]
    public async Task Should_export_a_valid_calendar_with_the_forums_time_zone_stable_uids_and_rising_sequence()
    {
        var first = await Clients.Anonymous(app).GetByteArrayAsync("/agenda/calendar.ics");
        var text = Encoding.UTF8.GetString(first);

        // RFC 5545: every line ends in CRLF and is at most 75 octets; continuation lines start with a space.
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Replace("\r\n", string.Empty, StringComparison.Ordinal), c => c is '\r' or '\n');
        Assert.All(text.Split("\r\n")[..^1], line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal("Asia/Shanghai", Assert.Single(calendar.TimeZones).TzId);
        var opening = calendar.Events.Single(e => e.Summary == "Opening ceremony");
        Assert.Equal(new DateTime(2010, 6, 23, 9, 0, 0), opening.DtStart!.Value);
        Assert.Equal("Asia/Shanghai", opening.DtStart.TzId);
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
        var chinese = Ical.Net.Calendar.Load(await Clients.Anonymous(app).GetStringAsync("/agenda/calendar.ics?lang=zh"))!;
        Assert.Equal(opening.Uid, chinese.Events.Single(e => e.Summary == "开幕式").Uid);

        // Move the opening ceremony and release: same UID, higher SEQUENCE.
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var id = await app.WithDbAsync(db => db.Sessions.Where(s => s.Type == SessionType.OpeningCeremony).Select(s => s.Id).SingleAsync());
        var moved = await SessionForm.SubmitAsync(organizer, id, new Dictionary<string, string> { [SessionForm.Start] = "08:30", [SessionForm.Minutes] = "30" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReleaseForm.SubmitAsync(organizer, "Opening at 08:30")).StatusCode);

        var after = Ical.Net.Calendar.Load(await Clients.Anonymous(app).GetStringAsync("/agenda/calendar.ics"))!;
        var movedOpening = after.Events.Single(e => e.Uid == opening.Uid);
        Assert.Equal(new DateTime(2010, 6, 23, 8, 30, 0), movedOpening.DtStart!.Value);
        Assert.True(movedOpening.Sequence > opening.Sequence);
    }

    [Fact]
    public async Task Should_publish_a_calendar_that_libical_accepts_with_the_forums_office_as_every_events_organizer()
    {
        var publicSessions = await app.WithDbAsync(db => db.Sessions.CountAsync(s => s.IsPublic));
        var host = await app.WithDbAsync(db => db.Forums.Where(f => f.HostEn != null).Select(f => new { f.HostEn, f.HostZh }).FirstAsync());
        var sender = MimeKit.MailboxAddress.Parse(app.Services.GetRequiredService<IOptions<ForumManager.Mail.MailOptions>>().Value.From).Address;

        foreach (var (url, office) in new[] { ("/agenda/calendar.ics", host.HostEn), ("/agenda/calendar.ics?lang=zh", host.HostZh) })
        {
            var ics = await Clients.Anonymous(app).GetStringAsync(url);

            var report = await Libical.CheckAsync(ics);

            Assert.True(report.Parsed, url);
            Assert.Equal("METHOD:PUBLISH", report.Method);
            Assert.Equal(publicSessions, report.Events);
            Assert.True(report.Errors.Count == 0, url + ": " + string.Join(Environment.NewLine, report.Errors.Take(5)));
            Assert.Equal(publicSessions, report.Organizers.Count);
            var calendar = Ical.Net.Calendar.Load(ics)!;
            Assert.All(calendar.Events, e =>
            {
                Assert.Equal(office, e.Organizer!.CommonName);
                Assert.Equal("mailto:" + sender, e.Organizer.Value!.ToString());
            });
        }
    }

    [Fact]
    public async Task Should_give_a_delegate_a_personal_calendar_feed_that_libical_accepts()
    {
        var speaker = await app.WithDbAsync(async db =>
        {
            var person = await db.Delegates.Where(d => d.Status == Core.Delegates.RegistrationStatus.Approved && !db.Enrolments.Any(e => e.DelegateId == d.Id))
                .Select(d => d.Id).FirstAsync();
            var session = await db.Sessions.Where(s => s.IsPublic && s.Type == SessionType.ThemeForum).Select(s => s.Id).FirstAsync();
            db.Enrolments.Add(new Enrolment { DelegateId = person, SessionId = session, Status = EnrolmentStatus.Enrolled, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return person;
        });
        var token = app.Services.GetRequiredService<CalendarFeeds>().Token(speaker);

        var report = await Libical.CheckAsync(await Clients.Anonymous(app).GetStringAsync("/agenda/feed/" + Uri.EscapeDataString(token)));

        Assert.True(report.Parsed);
        Assert.NotEqual(0, report.Events);
        Assert.Equal(report.Events, report.Organizers.Count);
        Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors.Take(5)));
    }

    [Fact]
    public async Task Should_leave_the_method_out_of_a_calendar_that_names_no_organizer_so_libical_still_accepts_it()
    {
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().FirstAsync(f => f.HostEn != null));
        using var scope = app.Services.CreateScope();
        var agenda = await scope.ServiceProvider.GetRequiredService<ReleasedAgendas>().LatestAsync(forum.Id, CancellationToken.None);

        var ics = ScheduleExports.Ics(forum, agenda!.Sessions, "http://forum.test", forum.NameEn, chinese: false, DateTime.UtcNow);
        var report = await Libical.CheckAsync(ics);

        Assert.Null(report.Method);
        Assert.Equal(agenda.Sessions.Count, report.Events);
        Assert.True(report.Errors.Count == 0, string.Join(Environment.NewLine, report.Errors.Take(5)));
    }

    [Theory]
    [InlineData("2010-06-23T10:00:00", "2010-06-23T08:00:00Z")]
    [InlineData("2010-12-02T10:00:00", "2010-12-02T09:00:00Z")]
    [InlineData("2010-03-28T03:30:00", "2010-03-28T01:30:00Z")]
    public void Should_give_a_forum_in_a_daylight_saving_zone_a_calendar_whose_times_read_back_right(string local, string utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var forum = new ForumManager.Core.Forums.Forum
        {
            Acronym = "BERLIN2010", NameEn = "Forum in Berlin", NameZh = "柏林论坛", PlaceEn = "Berlin", PlaceZh = "柏林", TimeZoneId = "Europe/Berlin",
            StartDate = new DateOnly(2010, 6, 22), EndDate = new DateOnly(2010, 6, 24),
        };
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), zone);
        var session = new AgendaSession(1, Core.Programme.SessionType.ThemeForum, "Theme forum", "主题论坛", null, null,
            startUtc, startUtc.AddHours(1), null, null, null, null, null, null, null, null, null, "en", Core.Programme.InterpretationMode.None, null, null, 0, []);

        var ics = ScheduleExports.Ics(forum, [session], "http://forum.test", "Berlin", chinese: false, DateTime.UtcNow);
        var calendar = Ical.Net.Calendar.Load(ics)!;

        // The file's own VTIMEZONE carries the year's changes, for clients that read it rather than their own zone data.
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20100328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20101031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD", ics, StringComparison.Ordinal);
        var start = calendar.Events.Single().Start!;
        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), start.AsUtc);
    }
}
