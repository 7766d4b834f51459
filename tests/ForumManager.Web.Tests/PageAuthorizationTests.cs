using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Testing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Web.Tests;

/// <summary>
/// Every page of the app, who may open it (<see cref="PageTable"/>), and proof for each kind of visitor. A page added
/// without a row there fails the first test, so no page slips through unauthorized.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class PageAuthorizationTests(AppFixture app)
{
    /// <summary>A URL of every page, and who may open it.</summary>
    internal static IEnumerable<(Access Access, string Url)> PageUrls => Pages.Values;

    private static IReadOnlyDictionary<string, (Access Access, string Url)> Pages => PageTable.Pages;

    private static readonly (string Name, string? Role)[] Visitors =
        [("anonymous", null), ("delegate", Roles.Delegate), ("staff", Roles.Staff), ("organizer", Roles.Organizer), ("admin", Roles.Admin)];

    [Fact]
    public void Should_have_a_row_in_the_table_for_every_page_of_the_app()
    {
        var routes = PageRoutes();

        var missing = routes.Where(r => !Pages.ContainsKey(r)).ToList();
        var stale = Pages.Keys.Where(k => !routes.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();

        Assert.True(missing.Count == 0, "Pages without an authorization row: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for pages that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Should_let_each_visitor_open_exactly_the_pages_their_role_allows()
    {
        var failures = new List<string>();
        foreach (var (name, role) in Visitors)
        {
            var client = role is null ? Clients.Anonymous(app) : await Clients.SignedInAsync(app, role);
            foreach (var (route, (access, url)) in Pages)
            {
                var response = await client.GetAsync(url);
                var allowed = Allows(access, role);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var sentToSignIn = response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Identity/Account/Login", StringComparison.Ordinal);

                if (status >= 500)
                {
                    failures.Add($"{name} got {status} from {url}");
                }
                else if (allowed && (status is 401 or 403 || sentToSignIn))
                {
                    failures.Add($"{name} should open {url} ({route}) but got {status} {location}");
                }
                else if (!allowed && role is null && !sentToSignIn)
                {
                    failures.Add($"{name} should be sent to sign in from {url} but got {status} {location}");
                }
                else if (!allowed && role is not null && response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{name} should get 403 from {url} but got {status} {location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool Allows(Access access, string? role) => access switch
    {
        Access.Anyone => true,
        Access.SignedIn => role is not null,
        Access.Delegate => role == Roles.Delegate,
        Access.Staff => role is not null && Roles.AtLeast(Roles.Staff).Contains(role),
        Access.Organizer => role is not null && Roles.AtLeast(Roles.Organizer).Contains(role),
        Access.Admin => role == Roles.Admin,
        _ => false,
    };

    private List<string> PageRoutes()
    {
        var sources = app.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText?.Trim('/') ?? string.Empty)
            .Where(r => !r.EndsWith("/Index", StringComparison.OrdinalIgnoreCase) && r != "Index")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
