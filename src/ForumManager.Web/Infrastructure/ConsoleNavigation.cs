using System.Security.Claims;
using ForumManager.Core.Accounts;

namespace ForumManager.Web.Infrastructure;

/// <summary>A page of the organizers' console; <paramref name="Matches"/> is the path it and its detail pages live under.</summary>
public sealed record ConsoleLink(string Href, string TextKey, string? TestId = null, string? Matches = null, bool AdminOnly = false)
{
    public string Prefix => Matches ?? Href;
}

/// <summary>A task the console groups its pages by.</summary>
public sealed record ConsoleGroup(string TextKey, IReadOnlyList<ConsoleLink> Links);

/// <summary>
/// The organizers' console, grouped by task as they work: what the persistent navigation lists, which entry is the
/// current page (or the section a detail page belongs to), and the breadcrumbs of a detail page.
/// </summary>
public static class ConsoleNavigation
{
    public static readonly ConsoleLink Overview = new("/admin", "Console_Overview", "console-overview");

    public static readonly IReadOnlyList<ConsoleGroup> Groups =
    [
        new("Console_Overview", [Overview]),
        new("Console_Registrations",
        [
            new("/admin/delegates", "Nav_Delegates", "admin-delegates"),
            new("/admin/delegations", "Nav_Delegations", "admin-delegations"),
            new("/admin/questions", "Nav_Questions", "admin-questions"),
            new("/admin/import", "Nav_Import", "admin-import"),
        ]),
        new("Console_Programme",
        [
            new("/admin/programme", "Console_Sessions", "admin-programme"),
            new("/admin/programme/grid", "Console_Grid", "admin-programme-grid"),
            new("/admin/programme/conflicts", "Conflicts_Title", "admin-programme-conflicts"),
            new("/admin/programme/release", "Console_Release", "admin-programme-release"),
        ]),
        new("Console_Logistics",
        [
            new("/admin/venues", "Console_Venues", "admin-venues"),
            new("/admin/hotels", "Console_Hotels", "admin-hotels"),
            new("/admin/transfers", "Console_Transfers", "admin-transfers"),
        ]),
        new("Console_Protocol",
        [
            new("/admin/protocol", "Protocol_Seating", "admin-protocol"),
            new("/admin/protocol/layouts", "Protocol_Layouts", "admin-protocol-layouts"),
            new("/admin/protocol/speakers", "Speakers_Title", "admin-protocol-speakers"),
            new("/admin/meetings", "Console_Meetings", "admin-meetings"),
            new("/admin/meetings/departments", "Console_HostDepartments", "admin-meetings-departments"),
        ]),
        new("Console_Communication",
        [
            new("/admin/notices", "Nav_Notices", "admin-notices"),
            new("/admin/notices#templates-title", "Notices_Templates", "admin-templates", Matches: "/admin/notices/template"),
        ]),
        new("Console_Accreditation",
        [
            new("/admin/photos", "Photos_Title", "admin-photos"),
            new("/admin/clearance", "Clearance_Title", "admin-clearance"),
            new("/admin/zones", "Zones_Title", "admin-zones"),
        ]),
        new("Console_Documents",
        [
            new("/admin/badges", "Nav_Badges", "admin-badges"),
            new("/admin/visa-letters", "Nav_VisaLetters", "admin-visa-letters"),
        ]),
        new("Nav_Reports", [new("/admin/reports", "Nav_Reports", "admin-reports")]),
        new("Console_Integrations",
        [
            new("/admin/api", "Console_ApiTokens", "admin-api", AdminOnly: true),
            new("/admin/webhooks", "Console_Webhooks", "admin-webhooks"),
        ]),
        new("Nav_Settings",
        [
            new("/admin/settings", "Nav_Settings", "admin-settings"),
            new("/admin/languages", "Languages_Title", "admin-languages"),
            new("/admin/editions", "Editions_Title", "admin-editions"),
            new("/admin/users", "Nav_Users", "nav-users", AdminOnly: true),
        ]),
    ];

    /// <summary>The console is where organizers (and admins) work: every page under /admin.</summary>
    public static bool Shows(ClaimsPrincipal user, PathString path) =>
        path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) && Roles.AtLeast(Roles.Organizer).Any(user.IsInRole);

    /// <summary>The groups with the links this person may open.</summary>
    public static IEnumerable<ConsoleGroup> For(ClaimsPrincipal user)
    {
        var admin = user.IsInRole(Roles.Admin);
        return Groups.Select(g => g with { Links = g.Links.Where(l => admin || !l.AdminOnly).ToList() }).Where(g => g.Links.Count > 0);
    }

    /// <summary>The entry a path belongs to: the one whose path is the longest start of it.</summary>
    public static ConsoleLink? Current(PathString path) =>
        Groups.SelectMany(g => g.Links)
            .Where(l => path.StartsWithSegments(l.Prefix, StringComparison.OrdinalIgnoreCase))
            .MaxBy(l => l.Prefix.Length);

    /// <summary>Whether the path is the entry's own page rather than one of its detail pages.</summary>
    public static bool IsPageOf(ConsoleLink link, PathString path) =>
        string.Equals(path.Value?.TrimEnd('/'), link.Prefix, StringComparison.OrdinalIgnoreCase);
}
