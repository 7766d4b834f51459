using System.Net;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Forums;
using ForumManager.Data.Seeding;
using ForumManager.Testing;
using ForumManager.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Admin.Editions;

public sealed class EditionsAppFixture : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:DemoDelegates"] = "16" };
}

/// <summary>Next year's forum made from this year's at /admin/editions, worked on apart from what the public sees.</summary>
public sealed class EditionsTests(EditionsAppFixture app) : IClassFixture<EditionsAppFixture>
{
    [Fact]
    public async Task Should_clone_2010_into_a_draft_the_organizer_works_on_while_everyone_else_sees_2010_then_open_it_and_archive_2010()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var y2010 = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Acronym == DemoForumSeeder.Acronym));
        var cloneUrl = $"/admin/editions/{y2010.Id}/clone";

        // The acronym is taken: said next to the field, nothing made.
        var form = await HtmlForms.GetPageAsync(organizer, cloneUrl);
        Assert.Equal("HISCF2011", (form.QuerySelector("#Input_Acronym") as IHtmlInputElement)?.Value);
        var taken = await HtmlForms.SubmitAsync(organizer, cloneUrl, new Dictionary<string, string> { ["Input.Acronym"] = "hiscf2010" });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("HISCF2010 is already the acronym", (await HtmlForms.ParseAsync(taken)).QuerySelector("[data-valmsg-for='Input.Acronym']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Forums.CountAsync()));

        var cloned = await HtmlForms.SubmitAsync(organizer, cloneUrl, new Dictionary<string, string> { ["Input.StartDate"] = "2011-06-22" });
        Assert.Equal(HttpStatusCode.Redirect, cloned.StatusCode);
        var y2011 = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Acronym == "HISCF2011"));
        Assert.Equal((ForumStatus.Draft, new DateOnly(2011, 6, 21), y2010.Id), (y2011.Status, y2011.StartDate, y2011.ClonedFromId));
        await app.WithDbAsync(db => db.Forums.Where(f => f.Id == y2011.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.RetentionDays, 77)));

        // The organizer who cloned it now works on it, in the console, told so on every page there.
        var editions = await HtmlForms.GetPageAsync(organizer, "/admin/editions");
        Assert.NotNull(editions.QuerySelector("[data-testid=edition-HISCF2011] [data-testid=edition-working]"));
        Assert.NotNull(editions.QuerySelector("[data-testid=edition-HISCF2010] [data-testid=edition-public]"));
        Assert.Equal("77", await RetentionShownAsync(organizer));
        Assert.Contains("HISCF2011", (await HtmlForms.GetPageAsync(organizer, "/admin/settings")).QuerySelector("[data-testid=working-edition]")?.TextContent, StringComparison.Ordinal);

        // Not on the public pages, even for that organizer: the agenda is 2010's, with no banner.
        var agenda = await HtmlForms.GetPageAsync(organizer, "/agenda");
        Assert.Null(agenda.QuerySelector("[data-testid=working-edition]"));
        Assert.NotEmpty(agenda.QuerySelectorAll("[data-testid=agenda] li"));

        // The choice is the organizer's own: another organizer, or staff, handed the same cookie works on the public edition.
        var cookie = ChosenCookie(cloned);
        Assert.NotNull(cookie);
        foreach (var role in new[] { Roles.Organizer, Roles.Staff })
        {
            var other = await Clients.SignedInAsync(app, role);
            other.DefaultRequestHeaders.Add("Cookie", $"{WorkingEdition.CookieName}={cookie}");
            var page = await HtmlForms.GetPageAsync(other, role == Roles.Staff ? "/checkin" : "/admin/settings");
            Assert.Null(page.QuerySelector("[data-testid=working-edition]"));
            if (role == Roles.Organizer)
            {
                Assert.Equal(y2010.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture), await RetentionShownAsync(other));
            }
        }

        // Staff choose for themselves at the desk; a delegate cannot reach the choice.
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(staff, "/checkin/edition", "[data-testid=edition-HISCF2011] [data-testid=work-on]")).StatusCode);
        Assert.Contains("HISCF2011", (await HtmlForms.GetPageAsync(staff, "/checkin")).QuerySelector("[data-testid=working-edition]")?.TextContent, StringComparison.Ordinal);
        Assert.Null((await HtmlForms.GetPageAsync(staff, "/agenda")).QuerySelector("[data-testid=working-edition]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Clients.SignedInAsync(app, Roles.Delegate)).GetAsync("/checkin/edition")).StatusCode);

        // Back to the public edition, then open 2011: from now on it is the public one, and 2010's programme is in the archive.
        var back = await PressAsync(organizer, "/admin/editions", "[data-testid=edition-HISCF2010] [data-testid=work-on]");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(y2010.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture), await RetentionShownAsync(organizer));
        Assert.Empty((await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/archive")).QuerySelectorAll("[data-testid=archive] li"));

        var ask = await PressAsync(organizer, "/admin/editions", "[data-testid=edition-HISCF2011] [data-testid=status-open]");
        var step = await HtmlForms.ParseAsync(ask);
        Assert.NotNull(step.QuerySelector("[data-testid=confirm-step]"));
        Assert.Equal(ForumStatus.Draft, await app.WithDbAsync(db => db.Forums.Where(f => f.Id == y2011.Id).Select(f => f.Status).SingleAsync()));
        var opened = await HtmlForms.SubmitAsync(organizer, step, "/admin/editions", new Dictionary<string, string>(), "[data-testid=confirm-step] form");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(ForumStatus.Open, await app.WithDbAsync(db => db.Forums.Where(f => f.Id == y2011.Id).Select(f => f.Status).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ForumId == y2011.Id && a.Action == "status")));

        var visitor = Clients.Anonymous(app);
        Assert.NotNull((await HtmlForms.GetPageAsync(visitor, "/agenda")).QuerySelector("[data-testid=agenda-unpublished]"));
        var archive = await HtmlForms.GetPageAsync(visitor, "/archive");
        Assert.NotNull(archive.QuerySelector("[data-testid=archive-HISCF2010]"));
        Assert.Null(archive.QuerySelector("[data-testid=archive-HISCF2011]"));
        var released = await app.WithDbAsync(db => db.ProgrammeReleases.Where(r => r.ForumId == y2010.Id).OrderByDescending(r => r.Version).Select(r => r.Snapshot).FirstAsync());
        var past = await HtmlForms.GetPageAsync(visitor, "/archive/hiscf2010");
        var sessions = past.QuerySelectorAll("[data-testid=archive-agenda] li");
        Assert.NotEmpty(sessions);
        Assert.Equal(System.Text.Json.JsonDocument.Parse(released).RootElement.GetArrayLength(), sessions.Length);
        var chinese = await HtmlForms.GetPageAsync(Clients.Anonymous(app, "zh-Hans"), "/archive/HISCF2010");
        Assert.Contains("往届论坛", chinese.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/archive/HISCF2011")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/archive/NOSUCH")).StatusCode);

        // Last edition's heads, invited to 2011 twice: once.
        var heads = await app.WithDbAsync(db => db.Delegates.Where(d => d.ForumId == y2010.Id && d.Category == Core.Delegates.DelegateCategory.HeadOfDelegation && d.DelegationId != null)
            .Select(d => d.Email).Distinct().CountAsync());
        Assert.True(heads > 0);
        foreach (var time in new[] { 1, 2 })
        {
            var confirm = await HtmlForms.ParseAsync(await PressAsync(organizer, "/admin/editions", "[data-testid=edition-HISCF2011] [data-testid=invite-heads]"));
            var done = await HtmlForms.SubmitAsync(organizer, confirm, "/admin/editions", new Dictionary<string, string>(), "[data-testid=confirm-step] form");
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            var report = (await HtmlForms.GetPageAsync(organizer, "/admin/editions")).QuerySelector(".status")?.TextContent;
            Assert.Contains(time == 1 ? $"Invited: {heads}." : "Invited: 0.", report, StringComparison.Ordinal);
        }

        Assert.Equal(heads, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.ForumId == y2011.Id)));
    }

    private static async Task<string> RetentionShownAsync(HttpClient client) =>
        ((await HtmlForms.GetPageAsync(client, "/admin/settings")).QuerySelector("#Input_RetentionDays") as IHtmlInputElement)?.Value ?? string.Empty;

    /// <summary>Presses a button of its own small form on the page, as a browser would (antiforgery token and hidden fields included).</summary>
    private static async Task<HttpResponseMessage> PressAsync(HttpClient client, string url, string buttonSelector)
    {
        var page = await HtmlForms.GetPageAsync(client, url);
        var button = page.QuerySelector(buttonSelector) as IHtmlButtonElement ?? throw new InvalidOperationException($"No button {buttonSelector} on {url}");
        var form = button.Form ?? throw new InvalidOperationException($"{buttonSelector} is in no form");
        var fields = HtmlForms.DefaultValues(form);
        return await client.PostAsync(form.GetAttribute("action") ?? url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The working-edition cookie a response set.</summary>
    private static string? ChosenCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(WorkingEdition.CookieName + "=", StringComparison.Ordinal))?[(WorkingEdition.CookieName.Length + 1)..].Split(';')[0]
            : null;
}
