using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Mail;
using ForumManager.Core.Protocol;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ForumManager.Web.Tests.Admin.Protocol;

public sealed class MeetingPagesAppFixture : ForumAppFactory;

/// <summary>The organizers' meeting pages: host departments, a meeting from request to minutes, the briefing and the outcomes report.</summary>
public sealed class MeetingPagesTests(MeetingPagesAppFixture app) : IClassFixture<MeetingPagesAppFixture>
{
    private Task<int> DemoDelegationAsync(int skip = 0) => app.WithDbAsync(db => db.Delegations.OrderBy(d => d.Id)
        .Where(d => d.Members.Count(m => m.Status == Core.Delegates.RegistrationStatus.Approved) >= 2).Skip(skip).Select(d => d.Id).FirstAsync());

    [Fact]
    public async Task Should_add_a_host_department_with_each_mistake_beside_its_field_and_set_an_interpreters_pairs()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        const string url = "/admin/meetings/departments";
        var refused = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string>
        {
            ["Input.NameEn"] = "", ["Input.NameZh"] = "外事办", ["Input.Email"] = "not an address", ["Input.PreferredLanguage"] = "fr",
        }, "form[data-testid=department-form]");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlForms.ParseAsync(refused);
        Assert.Contains("Name in English", page.QuerySelector("[data-valmsg-for='Input.NameEn']")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.PreferredLanguage']")!.TextContent.Trim());

        var saved = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string>
        {
            ["Input.NameEn"] = "Foreign Affairs Office of Changsha", ["Input.NameZh"] = "长沙市外事办", ["Input.Email"] = "fao@changsha.example.org",
            ["Input.PreferredLanguage"] = "zh-Hans",
        }, "form[data-testid=department-form]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await HtmlForms.GetPageAsync(organizer, url);
        Assert.Contains("长沙市外事办", list.QuerySelector("[data-testid=departments]")!.TextContent, StringComparison.Ordinal);

        var interpreter = await app.WithDbAsync(db => db.Guests.Where(g => g.Kind == Core.Programme.GuestKind.Interpreter).Select(g => g.Id).FirstAsync());
        var form = $"form:has(input[name=guestId][value='{interpreter}'])";
        var bad = await HtmlForms.SubmitAsync(organizer, list, url, new Dictionary<string, string> { ["pairs"] = "Chinese and English" }, form);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("zh-en", (await HtmlForms.ParseAsync(bad)).QuerySelector($"#pairs-error-{interpreter}")!.TextContent, StringComparison.Ordinal);
        var good = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["pairs"] = "zh-en, FR-zh" }, form);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("en-zh,fr-zh", await app.WithDbAsync(db => db.Guests.Where(g => g.Id == interpreter).Select(g => g.LanguagePairs).SingleAsync()));
    }

    [Fact]
    public async Task Should_take_a_meeting_from_request_to_minutes_telling_the_parties_printing_the_briefing_and_counting_the_outcome()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var sample = await MeetingSamples.AddAsync(app.Services, await DemoDelegationAsync(), confirm: false, name: "Commerce A");
        var url = $"/admin/meetings/{sample.MeetingId}";

        // Declining without a reason is refused at the field; the meeting stays accepted.
        var noReason = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["Reason"] = " " }, "form[data-testid=decline-form]");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.NotNull((await HtmlForms.ParseAsync(noReason)).QuerySelector("#reason-error"));

        // Confirm the planner's first slot: the parties are told, each with an invitation.
        var page = await HtmlForms.GetPageAsync(organizer, url);
        var confirm = await HtmlForms.SubmitAsync(organizer, page, url, new Dictionary<string, string>(), "[data-testid=slots] form");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var meeting = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == sample.MeetingId));
        Assert.Equal(MeetingStatus.Confirmed, meeting.Status);
        Assert.Equal(sample.InterpreterId, meeting.InterpreterGuestId);
        var mails = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Purpose == "meeting-confirmed").ToListAsync());
        var department = await app.WithDbAsync(db => db.HostDepartments.AsNoTracking().SingleAsync(h => h.Id == sample.DepartmentId));
        var toDepartment = await app.ReadMailAsync(Assert.Single(mails, m => m.ToAddress == department.Email));
        Assert.Contains("会见", toDepartment.Subject, StringComparison.Ordinal);
        var ics = toDepartment.Attachments.OfType<MimePart>().Single(a => a.FileName == "meeting.ics");
        using (var stream = new MemoryStream())
        {
            ics.Content!.DecodeTo(stream);
            var report = await Libical.CheckAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            Assert.True(report.Parsed && report.Errors.Count == 0, string.Join("; ", report.Errors));
            Assert.Equal("METHOD:REQUEST", report.Method);
        }

        // Another meeting's page offered the room at that time before it was taken: confirming it now is refused, nothing booked twice.
        var other = await MeetingSamples.AddAsync(app.Services, await DemoDelegationAsync(1), confirm: false, name: "Commerce B");
        var otherUrl = $"/admin/meetings/{other.MeetingId}";
        var otherPage = await HtmlForms.GetPageAsync(organizer, otherUrl);
        var clash = await HtmlForms.SubmitAsync(organizer, otherPage, otherUrl, new Dictionary<string, string>
        {
            ["start"] = meeting.StartUtc!.Value.ToString("O"), ["room"] = meeting.RoomId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["interpreter"] = other.InterpreterId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "[data-testid=slots] form");
        Assert.Equal(HttpStatusCode.Redirect, clash.StatusCode);
        var after = await HtmlForms.GetPageAsync(organizer, otherUrl);
        Assert.Contains("No room big enough is free", after.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Accepted, await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == other.MeetingId).Select(m => m.Status).SingleAsync()));

        // The briefing: both languages' headings, the parties' people, the time; every word inside the page; the one
        // participant with an approved photo has it printed.
        var withPhoto = await app.WithDbAsync(db => db.MeetingParticipants.Where(p => p.MeetingId == sample.MeetingId && p.DelegateId != null).Select(p => p.DelegateId!.Value).FirstAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var photos = scope.ServiceProvider.GetRequiredService<ForumManager.Features.Accreditation.AccreditationPhotos>();
            var forumId = await app.WithDbAsync(db => db.Forums.Select(f => f.Id).SingleAsync());
            using var jpeg = new MemoryStream(TestPhotos.Jpeg(600, 800));
            var stored = await photos.SaveAsync(forumId, withPhoto, jpeg, jpeg.Length, null, "Photo", Core.Auditing.Actor.System, CancellationToken.None, approvedAtDesk: true);
            Assert.True(stored.IsEmpty);
        }

        var pdf = await organizer.GetAsync(url + "/briefing.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var file = await PdfReadBack.SaveAsync(await pdf.Content.ReadAsByteArrayAsync(), $"briefing-{sample.MeetingId}");
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        foreach (var expected in new[] { "Meeting briefing", "会见简报", "Participants", "参加人", "Earlier meetings", "以往会见", "ZHANG Hua", "张华", "CHEN Jing", "Trade fair cooperation" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var images = await PdfReadBack.RunAsync("/usr/bin/pdfimages", "-list", file);
        Assert.Equal(1, images.Output.Split('\n').Count(l => l.TrimStart().StartsWith("1 ", StringComparison.Ordinal) && l.Contains("image", StringComparison.Ordinal)));
        var words = await PdfReadBack.WordsAsync(file);
        Assert.All(words, w => Assert.True(w.XMin >= 0 && w.YMin >= 0 && w.XMax <= 595.5 && w.YMax <= 842.5, $"'{w.Text}' outside the page"));

        // Minutes: too long is refused at the field; then held with an agreement, audited, and counted in the report.
        var tooLong = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["Minutes"] = new string('x', MeetingRules.MaxMinutesLength + 1) },
            "form[data-testid=minutes-form]");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.NotNull((await HtmlForms.ParseAsync(tooLong)).QuerySelector("#minutes-error"));
        var badOutcome = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["Minutes"] = "Short and fine.", ["Outcome"] = "Treaty" },
            "form[data-testid=minutes-form]");
        Assert.Equal(HttpStatusCode.OK, badOutcome.StatusCode);
        Assert.Equal(MeetingStatus.Confirmed, await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == sample.MeetingId).Select(m => m.Status).SingleAsync()));
        var held = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string>
        {
            ["Minutes"] = "Both sides agreed on a joint trade fair stand in 2011.", ["Outcome"] = nameof(MeetingOutcome.AgreementSigned),
        }, "form[data-testid=minutes-form]");
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        var done = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == sample.MeetingId));
        Assert.Equal((MeetingStatus.Held, MeetingOutcome.AgreementSigned), (done.Status, done.Outcome));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Meeting" && a.EntityId == sample.MeetingId.ToString() && a.Action == "minutes")));
        var csv = await organizer.GetStringAsync("/admin/reports/meetings.csv");
        var delegationName = await app.WithDbAsync(db => db.Delegations.Where(d => d.Id == sample.DelegationId).Select(d => d.NameEn).SingleAsync());
        var line = csv.Split('\n').Single(l => l.Contains(delegationName, StringComparison.Ordinal));
        Assert.Contains(",1,1,0,0,", line, StringComparison.Ordinal);

        // A second meeting of the same parties: its briefing recalls the first, with what it ended with.
        var again = await HtmlForms.SubmitAsync(organizer, $"/admin/meetings/new?delegation={sample.DelegationId}&partner=h:{sample.DepartmentId}", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Follow-up on the trade fair", ["Input.People"] = "g:" + sample.OfficialId, ["Input.LanguagePair"] = "en-zh",
            ["Input.Windows[0].Day"] = done.StartUtc!.Value.AddHours(8).ToString("yyyy-MM-dd"), ["Input.Windows[0].From"] = "15:00", ["Input.Windows[0].To"] = "18:00",
        }, "form[data-testid=meeting-request]");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var secondUrl = again.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.SubmitAsync(organizer, secondUrl, new Dictionary<string, string>(), "[data-testid=slots] form")).StatusCode);
        var second = await PdfReadBack.SaveAsync(await organizer.GetByteArrayAsync(secondUrl + "/briefing.pdf"), "briefing-second");
        var recalled = PdfReadBack.Flat(await PdfReadBack.TextAsync(second));
        Assert.Contains("Agreement signed", recalled, StringComparison.Ordinal);
        Assert.Contains("签署协议", recalled, StringComparison.Ordinal);
        Assert.Contains("Both sides agreed", recalled, StringComparison.Ordinal);
        Assert.DoesNotContain("No earlier meetings", recalled, StringComparison.Ordinal);

        // The list by status shows it held.
        var held2 = await HtmlForms.GetPageAsync(organizer, "/admin/meetings?status=Held");
        Assert.Contains(delegationName, held2.QuerySelector("[data-testid=meetings]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_schedule_every_accepted_meeting_in_one_go_and_say_how_many()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var sample = await MeetingSamples.AddAsync(app.Services, await DemoDelegationAsync(2), confirm: false, name: "Commerce C");
        var page = await HtmlForms.GetPageAsync(organizer, "/admin/meetings?status=Accepted");
        Assert.Contains("Commerce C", page.QuerySelector("[data-testid=meetings]")!.TextContent, StringComparison.Ordinal);

        var response = await HtmlForms.SubmitAsync(organizer, page, "/admin/meetings?handler=Schedule", new Dictionary<string, string>(), "form:has([data-testid=schedule-all])");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await HtmlForms.ParseAsync(response);
        Assert.Matches(@"\d+ meetings confirmed", answer.QuerySelector("[data-testid=schedule-result]")!.TextContent);
        var meeting = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == sample.MeetingId));
        Assert.Equal(MeetingStatus.Confirmed, meeting.Status);
        Assert.Equal(1, meeting.Sequence);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Purpose == "meeting-confirmed")));
    }
}
