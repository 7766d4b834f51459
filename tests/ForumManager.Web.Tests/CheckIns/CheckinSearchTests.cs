using ForumManager.Core.Accounts;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.CheckIns;

[Collection(nameof(AppCollection))]
public sealed class CheckinSearchTests(AppFixture app)
{
    [Fact]
    public async Task Should_find_a_delegate_by_the_name_in_their_own_script_or_by_Latin_letters_in_any_case()
    {
        var someone = await app.WithDbAsync(db => db.Delegates.AsNoTracking().OrderBy(d => d.Id).FirstAsync(d => d.NativeName != null && d.NativeName != d.FamilyName + " " + d.GivenName));
        var client = await Clients.SignedInAsync(app, Roles.Staff);

        var byNative = await HtmlForms.GetPageAsync(client, "/checkin?q=" + Uri.EscapeDataString(someone.NativeName!));
        var byLatin = await HtmlForms.GetPageAsync(client, "/checkin?q=" + Uri.EscapeDataString(someone.FamilyName.ToLowerInvariant()));

        Assert.Contains(byNative.QuerySelectorAll("[data-testid=checkin-results] tbody th"), th => th.TextContent.Contains(someone.FamilyName.ToUpperInvariant(), StringComparison.Ordinal));
        Assert.Contains(byLatin.QuerySelectorAll("[data-testid=checkin-results] tbody th"), th => th.TextContent.Contains(someone.FamilyName.ToUpperInvariant(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_treat_wildcards_in_the_search_as_plain_characters()
    {
        var client = await Clients.SignedInAsync(app, Roles.Staff);

        var page = await HtmlForms.GetPageAsync(client, "/checkin?q=" + Uri.EscapeDataString("%"));

        Assert.Null(page.QuerySelector("[data-testid=checkin-results]"));
    }
}
