using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Testing;
using static ForumManager.Web.Tests.PageAuthorizationTests;

namespace ForumManager.Web.Tests;

/// <summary>One design on every page: buttons and alerts from the design system, the console's navigation, a stylesheet ready for right-to-left.</summary>
[Collection(nameof(AppCollection))]
public sealed partial class DesignSystemTests(AppFixture app)
{
    private static readonly string[] ButtonClasses = ["primary", "secondary", "danger", "ghost", "button"];

    private static readonly string[] ConsoleGroups =
    [
        "Console_Overview", "Console_Registrations", "Console_Programme", "Console_Logistics", "Console_Protocol", "Console_Communication",
        "Console_Accreditation", "Console_Documents", "Nav_Reports", "Console_Integrations", "Nav_Settings",
    ];

    [Fact]
    public async Task Should_give_every_button_on_every_page_a_class_of_the_design_system()
    {
        var clients = new Dictionary<Access, HttpClient>
        {
            [Access.Anyone] = Clients.Anonymous(app),
            [Access.SignedIn] = await Clients.SignedInAsync(app, Roles.Delegate),
            [Access.Delegate] = await Clients.SignedInAsync(app, Roles.Delegate),
            [Access.Staff] = await Clients.SignedInAsync(app, Roles.Staff),
            [Access.Organizer] = await Clients.SignedInAsync(app, Roles.Organizer),
            [Access.Admin] = await Clients.SignedInAsync(app, Roles.Admin),
        };
        var bare = new List<string>();
        var pages = 0;

        foreach (var (access, url) in PageUrls)
        {
            var response = await clients[access].GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            pages++;
            var page = await HtmlForms.ParseAsync(response);
            bare.AddRange(page.QuerySelectorAll("button, input[type=submit], input[type=button]")
                .Where(b => !ButtonClasses.Any(b.ClassList.Contains))
                .Select(b => $"{url}: {b.OuterHtml[..Math.Min(b.OuterHtml.Length, 120)]}"));
        }

        Assert.True(pages > 40, $"only {pages} pages were read");
        Assert.True(bare.Count == 0, "Buttons without a design class:" + Environment.NewLine + string.Join(Environment.NewLine, bare));
    }

    [Fact]
    public async Task Should_show_organizers_the_console_grouped_by_task_with_the_current_page_marked()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var page = await HtmlForms.GetPageAsync(organizer, "/admin/delegates");

        var nav = page.QuerySelector("[data-testid=console-nav] nav")!;
        Assert.Equal(ConsoleGroups, nav.QuerySelectorAll(".console-group").Select(g => g.GetAttribute("data-group")));
        var current = Assert.Single(nav.QuerySelectorAll("a[aria-current]"));
        Assert.Equal(("/admin/delegates", "page"), (current.GetAttribute("href"), current.GetAttribute("aria-current")));
        Assert.Equal(
            ["/admin/delegates", "/admin/delegations", "/admin/questions", "/admin/import"],
            nav.QuerySelectorAll("[data-group=Console_Registrations] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(
            ["/admin/photos", "/admin/clearance", "/admin/zones"],
            nav.QuerySelectorAll("[data-group=Console_Accreditation] a").Select(a => a.GetAttribute("href")));
        Assert.Null(nav.QuerySelector("a[href='/admin/users']"));
        Assert.Null(page.QuerySelector("[data-testid=breadcrumbs]"));
    }

    [Fact]
    public async Task Should_mark_the_section_and_show_breadcrumbs_on_a_detail_page_of_the_console()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var id = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Delegates.OrderBy(d => d.Id).Select(d => d.Id)));

        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{id}");

        var current = Assert.Single(page.QuerySelectorAll("[data-testid=console-nav] a[aria-current]"));
        Assert.Equal(("/admin/delegates", "true"), (current.GetAttribute("href"), current.GetAttribute("aria-current")));
        var crumbs = page.QuerySelectorAll("[data-testid=breadcrumbs] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Console", "Delegates"], crumbs.Take(2));
        Assert.StartsWith(crumbs[2] + " · ", page.Title, StringComparison.Ordinal);
        Assert.Equal("/admin", page.QuerySelector("[data-testid=breadcrumbs] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Should_show_admins_the_accounts_page_in_the_console_and_Chinese_readers_Chinese_groups()
    {
        var admin = await Clients.SignedInAsync(app, Roles.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");

        var page = await HtmlForms.GetPageAsync(admin, "/admin/users");

        var users = page.QuerySelector("[data-testid=console-nav] a[href='/admin/users']")!;
        Assert.Equal("page", users.GetAttribute("aria-current"));
        Assert.Equal("报名", page.QuerySelector("[data-group=Console_Registrations] .console-group-title")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_give_desk_staff_the_desk_s_own_short_navigation_and_no_console()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);

        var page = await HtmlForms.GetPageAsync(staff, "/checkin");

        Assert.Null(page.QuerySelector("[data-testid=console-nav]"));
        Assert.Null(page.QuerySelector("a[href='/admin']"));
        var desk = page.QuerySelector("[data-testid=desk-nav]")!;
        Assert.Equal(["/checkin", "/agenda"], desk.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("page", desk.QuerySelector("a[href='/checkin']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Should_show_no_console_to_a_delegate_or_a_visitor()
    {
        var delegatePage = await HtmlForms.GetPageAsync(await Clients.SignedInAsync(app, Roles.Delegate), "/agenda");
        var visitorPage = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/agenda");

        Assert.All([delegatePage, visitorPage], p => Assert.Null(p.QuerySelector("[data-testid=console-nav]")));
        Assert.Equal("page", visitorPage.QuerySelector("[data-testid=nav-agenda]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Should_use_no_physical_left_or_right_property_in_the_stylesheet()
    {
        var css = await Clients.Anonymous(app).GetStringAsync("/css/site.css");
        var withoutComments = Comment().Replace(css, string.Empty);

        var physical = Physical().Matches(withoutComments).Select(m => m.Value.Trim()).ToList();

        Assert.True(css.Length > 5000, "the stylesheet was not served");
        Assert.True(physical.Count == 0, "Physical properties: " + string.Join(", ", physical));
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<![\w-])((margin|padding|border)-(left|right)[\w-]*\s*:|(left|right)\s*:|(text-align|float|clear)\s*:\s*(left|right)\b|border-(top|bottom)-(left|right)-radius)", RegexOptions.IgnoreCase)]
    private static partial Regex Physical();
}
