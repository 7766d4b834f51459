using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Me;

public sealed class MeetingRequestAppFixture : ForumAppFactory;

/// <summary>A delegation's head asks for meetings on /me/meetings; nobody else asks, and nobody sees another delegation's meetings.</summary>
public sealed class MeetingRequestTests(MeetingRequestAppFixture app) : IClassFixture<MeetingRequestAppFixture>
{
    private const string Url = "/me/meetings";

    private sealed record Team(HttpClient Head, HttpClient Member, int DelegationId, int HeadId, int MemberId);

    /// <summary>A new delegation with a signed-in head and a signed-in member.</summary>
    private async Task<Team> TeamAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var headEmail = await app.CreateUserAsync(Roles.Delegate, $"head-{tag}@lyon.example.org");
        var memberEmail = await app.CreateUserAsync(Roles.Delegate, $"member-{tag}@lyon.example.org");
        var (delegationId, headId, memberId) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var delegation = new Delegation { ForumId = forumId, NameEn = $"Lyon {tag}", NameZh = $"里昂 {tag}", CountryCode = "FR" };
            db.Delegations.Add(delegation);
            await db.SaveChangesAsync();
            Delegate Person(string email, DelegateCategory category, string family) => new()
            {
                ForumId = forumId, DelegationId = delegation.Id, UserId = db.Users.Where(u => u.Email == email).Select(u => u.Id).Single(),
                FamilyName = family, GivenName = "Claire", CountryCode = "FR", Email = email, Category = category,
                Status = RegistrationStatus.Approved, PrecedenceRank = category == DelegateCategory.HeadOfDelegation ? 10 : 50,
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, Reference = "T-" + family + tag,
            };
            var head = Person(headEmail, DelegateCategory.HeadOfDelegation, "Moreau");
            var member = Person(memberEmail, DelegateCategory.Delegate, "Petit");
            db.Delegates.AddRange(head, member);
            await db.SaveChangesAsync();
            return (delegation.Id, head.Id, member.Id);
        });
        return new Team(await Clients.SignInAsync(app, headEmail, ForumAppFactory.Password), await Clients.SignInAsync(app, memberEmail, ForumAppFactory.Password),
            delegationId, headId, memberId);
    }

    private Task<Forum> ForumAsync() => app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());

    [Fact]
    public async Task Should_let_the_head_ask_for_a_meeting_in_the_forums_time_and_put_each_mistake_beside_its_field()
    {
        var team = await TeamAsync();
        var sample = await MeetingSamples.AddAsync(app.Services, team.DelegationId, confirm: false, name: "Commerce " + team.DelegationId);
        var forum = await ForumAsync();
        team.Head.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await HtmlForms.GetPageAsync(team.Head, Url);
        Assert.Contains("Asia/Shanghai, UTC+08:00", page.QuerySelector("[data-testid=zone-label]")!.TextContent, StringComparison.Ordinal);
        var before = await app.WithDbAsync(db => db.Meetings.CountAsync());

        var refused = await HtmlForms.SubmitAsync(team.Head, page, Url, new Dictionary<string, string>
        {
            ["Input.Partner"] = "h:" + sample.DepartmentId, ["Input.Topic"] = "", ["Input.DurationMinutes"] = "5",
            ["Input.Windows[0].Day"] = forum.EndDate.AddDays(3).ToString("yyyy-MM-dd"), ["Input.Windows[0].From"] = "09:00", ["Input.Windows[0].To"] = "10:00",
            ["Input.Windows[1].Day"] = forum.StartDate.ToString("yyyy-MM-dd"), ["Input.Windows[1].From"] = "nine", ["Input.Windows[1].To"] = "10:00",
        }, "form[data-testid=meeting-request]");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var answer = await HtmlForms.ParseAsync(refused);
        Assert.Contains("议题", answer.QuerySelector("#topic-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("请至少选择一位参加人", answer.QuerySelector("#people-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("15", answer.QuerySelector("#duration-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("论坛期间", answer.QuerySelector("#window-error-0")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("09:30", answer.QuerySelector("#window-error-1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Meetings.CountAsync()));

        var day = forum.StartDate.AddDays(1);
        var sent = await HtmlForms.SubmitAsync(team.Head, Url, new Dictionary<string, string>
        {
            ["Input.Partner"] = "h:" + sample.DepartmentId, ["Input.Topic"] = "Twinning of two universities", ["Input.People"] = "d:" + team.MemberId,
            ["Input.DurationMinutes"] = "60", ["Input.LanguagePair"] = "en-zh",
            ["Input.Windows[0].Day"] = day.ToString("yyyy-MM-dd"), ["Input.Windows[0].From"] = "14:00", ["Input.Windows[0].To"] = "17:30",
        }, "form[data-testid=meeting-request]");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var meeting = await app.WithDbAsync(db => db.Meetings.Include(m => m.Participants).Include(m => m.Preferences).AsNoTracking()
            .SingleAsync(m => m.DelegationId == team.DelegationId && m.Topic == "Twinning of two universities"));
        Assert.Equal(MeetingStatus.Requested, meeting.Status);
        Assert.Equal(team.MemberId, Assert.Single(meeting.Participants, p => p.DelegateId is not null).DelegateId);

        // The head names only their own people; the department's officials come with the department, so their calendars count.
        var officials = await app.WithDbAsync(db => db.Guests.Where(g => g.HostDepartmentId == sample.DepartmentId && g.Kind == GuestKind.Official)
            .Select(g => g.Id).ToListAsync());
        Assert.NotEmpty(officials);
        Assert.Equal(officials.Order(), meeting.Participants.Where(p => p.GuestId is not null).Select(p => p.GuestId!.Value).Order());
        var window = Assert.Single(meeting.Preferences);
        Assert.Equal(ForumTime.ToUtc(day, new TimeOnly(14, 0), forum.TimeZone), window.FromUtc);
        Assert.Equal(new DateTime(day.Year, day.Month, day.Day, 6, 0, 0, DateTimeKind.Utc), window.FromUtc);
        var list = await HtmlForms.GetPageAsync(team.Head, Url);
        Assert.Contains("Twinning of two universities", list.QuerySelector("[data-testid=my-meetings]")!.TextContent, StringComparison.Ordinal);

        // A participant's own export lists the meeting they are named in.
        using var data = System.Text.Json.JsonDocument.Parse(await team.Member.GetStringAsync("/me/data.json"));
        var mine = Assert.Single(data.RootElement.GetProperty("registrations")[0].GetProperty("meetings").EnumerateArray(),
            m => m.GetProperty("topic").GetString() == "Twinning of two universities");
        Assert.Equal("Requested", mine.GetProperty("status").GetString());

        // The organizers decline it with a reason: the head is told in their language and sees the reason on the page.
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var declined = await HtmlForms.SubmitAsync(organizer, $"/admin/meetings/{meeting.Id}", new Dictionary<string, string> { ["Reason"] = "The department is away that week." },
            "form[data-testid=decline-form]");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var notice = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Purpose == "meeting-declined" && m.ToAddress.StartsWith("head-")
            && db.Delegates.Any(d => d.Id == team.HeadId && d.Email == m.ToAddress)));
        var message = await app.ReadMailAsync(notice);
        Assert.Contains("The department is away that week.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Twinning of two universities", message.TextBody, StringComparison.Ordinal);
        var after = await HtmlForms.GetPageAsync(team.Head, Url);
        Assert.Contains("The department is away that week.", after.QuerySelector("[data-testid=my-meetings]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_not_let_a_member_who_is_not_the_head_ask_nor_a_head_name_another_delegations_people_nor_see_their_meetings()
    {
        var ours = await TeamAsync();
        var theirs = await TeamAsync();
        var sample = await MeetingSamples.AddAsync(app.Services, theirs.DelegationId, confirm: false, name: "Culture " + theirs.DelegationId);
        var before = await app.WithDbAsync(db => db.Meetings.CountAsync());

        var memberPage = await HtmlForms.GetPageAsync(ours.Member, Url);
        Assert.NotNull(memberPage.QuerySelector("[data-testid=not-head]"));
        Assert.Null(memberPage.QuerySelector("form[data-testid=meeting-request]"));

        // The member posts the head's form anyway: nothing is asked for.
        var headPage = await HtmlForms.GetPageAsync(ours.Head, Url);
        var token = headPage.QuerySelector("form[data-testid=meeting-request] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var memberToken = (await HtmlForms.GetPageAsync(ours.Member, "/me")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? token;
        var forged = await ours.Member.PostAsync(Url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = memberToken, ["Input.Partner"] = "h:" + sample.DepartmentId, ["Input.Topic"] = "Forged",
            ["Input.People"] = "d:" + ours.MemberId, ["Input.DurationMinutes"] = "45",
        }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // A head naming the other delegation's member is refused at the field.
        var forum = await ForumAsync();
        var refused = await HtmlForms.SubmitAsync(ours.Head, headPage, Url, new Dictionary<string, string>
        {
            ["Input.Partner"] = "d:" + theirs.DelegationId, ["Input.Topic"] = "Sports", ["Input.People"] = "d:" + theirs.MemberId,
            ["Input.Windows[0].Day"] = forum.StartDate.ToString("yyyy-MM-dd"), ["Input.Windows[0].From"] = "09:00", ["Input.Windows[0].To"] = "12:00",
        }, "form[data-testid=meeting-request]");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await HtmlForms.ParseAsync(refused)).QuerySelector("#people-error"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Meetings.CountAsync()));

        // Their meeting is on their head's page and not on ours.
        Assert.Contains("Trade fair cooperation", (await HtmlForms.GetPageAsync(theirs.Head, Url)).Body!.TextContent, StringComparison.Ordinal);
        var ourPage = await HtmlForms.GetPageAsync(ours.Head, Url);
        Assert.DoesNotContain("Trade fair cooperation", ourPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(ourPage.QuerySelector("form[data-testid=meeting-request]"));
        Assert.Null(ourPage.QuerySelector($"input[value='d:{theirs.MemberId}']"));
    }

    [Fact]
    public async Task Should_tell_the_reason_for_a_decline_to_the_asking_delegation_only_not_to_the_delegation_it_named()
    {
        var ours = await TeamAsync();
        var theirs = await TeamAsync();
        var forum = await ForumAsync();
        var sent = await HtmlForms.SubmitAsync(ours.Head, Url, new Dictionary<string, string>
        {
            ["Input.Partner"] = "d:" + theirs.DelegationId, ["Input.Topic"] = "Port logistics " + ours.DelegationId, ["Input.People"] = "d:" + ours.MemberId,
            ["Input.Windows[0].Day"] = forum.StartDate.ToString("yyyy-MM-dd"), ["Input.Windows[0].From"] = "09:00", ["Input.Windows[0].To"] = "12:00",
        }, "form[data-testid=meeting-request]");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = await app.WithDbAsync(db => db.Meetings.Where(m => m.DelegationId == ours.DelegationId).Select(m => m.Id).SingleAsync());
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        const string reason = "Their mayor does not wish to meet a deputy";
        var declined = await HtmlForms.SubmitAsync(organizer, $"/admin/meetings/{id}", new Dictionary<string, string> { ["Reason"] = reason },
            "form[data-testid=decline-form]");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        Assert.Contains(reason, (await HtmlForms.GetPageAsync(ours.Head, Url)).Body!.TextContent, StringComparison.Ordinal);
        var theirPage = (await HtmlForms.GetPageAsync(theirs.Head, Url)).Body!.TextContent;
        Assert.Contains("Port logistics " + ours.DelegationId, theirPage, StringComparison.Ordinal);
        Assert.DoesNotContain(reason, theirPage, StringComparison.Ordinal);
    }
}
