using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Admin.Delegates;

[Collection(nameof(AppCollection))]
public sealed class AdminDelegatesTests(AppFixture app)
{
    [Fact]
    public async Task Should_find_delegates_by_a_name_in_their_script_and_by_their_city()
    {
        var someone = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Include(d => d.Delegation!).ThenInclude(d => d.PartnerCity)
            .FirstAsync(d => d.NativeName != null && d.Delegation!.PartnerCity!.NameLocal != null));
        var client = await Clients.SignedInAsync(app, Roles.Organizer);

        var byNative = await HtmlForms.GetPageAsync(client, "/admin/delegates?q=" + Uri.EscapeDataString(someone.NativeName!));
        var byCity = await HtmlForms.GetPageAsync(client, "/admin/delegates?q=" + Uri.EscapeDataString(someone.Delegation!.PartnerCity!.NameLocal!));

        Assert.NotNull(byNative.QuerySelector($"[data-testid=status-{someone.Id}]"));
        Assert.NotNull(byCity.QuerySelector($"[data-testid=status-{someone.Id}]"));
        Assert.All(byCity.QuerySelectorAll("[data-testid=delegates] tbody td:nth-child(4)"),
            td => Assert.Equal(someone.Delegation.NameEn, td.TextContent.Trim()));
    }

    [Fact]
    public async Task Should_list_VIPs_first_in_protocol_order()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);

        var page = await HtmlForms.GetPageAsync(client, "/admin/delegates?sort=precedence");

        string[] protocol = ["VIP", "Head of Delegation", "Speaker", "Delegate", "Press", "Organizer", "Staff"];
        var ranks = page.QuerySelectorAll("[data-testid=delegates] tbody td:nth-child(6)").Select(td => Array.IndexOf(protocol, td.TextContent.Trim())).ToList();
        Assert.True(ranks.Count > 10);
        Assert.DoesNotContain(-1, ranks);
        Assert.Equal(ranks.Order(), ranks);
        Assert.True(ranks.Distinct().Count() >= 2);
    }

    [Fact]
    public async Task Should_approve_several_at_once_notify_each_and_keep_the_history()
    {
        var ids = await app.WithDbAsync(db => db.Delegates.Where(d => d.Status == RegistrationStatus.Submitted).OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync());
        Assert.Equal(2, ids.Count);
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        var list = await HtmlForms.GetPageAsync(client, "/admin/delegates?status=Submitted");
        var form = list.QuerySelector("form[action*='handler=Decide']")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Decision", "Approved"),
            new("Reason", "Welcome to Changsha"),
        };
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("Selected", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync());
        Assert.All(after, d => Assert.Equal(RegistrationStatus.Approved, d.Status));
        foreach (var d in after)
        {
            Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == d.Email && m.Purpose == "registration.approved")));
        }

        var details = await HtmlForms.GetPageAsync(client, $"/admin/delegates/details/{ids[0]}");
        Assert.Equal("Approved", details.QuerySelector("[data-testid=delegate-status]")!.TextContent.Trim());
        var history = details.QuerySelectorAll("[data-testid=history] tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Contains(history, h => h.Contains("Submitted", StringComparison.Ordinal) && h.Contains("Approved: Welcome to Changsha", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_mask_passport_data_and_log_every_reveal()
    {
        var email = $"visa-{Guid.NewGuid():N}@city.example.org";
        await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v =>
        {
            v[DelegateFields.NeedsVisaLetter] = "true";
            v[DelegateFields.PassportNumber] = "P98765432";
            v[DelegateFields.Nationality] = "EG";
            v[DelegateFields.DateOfBirth] = "1960-07-08";
            v[DelegateFields.PassportExpiry] = "2013-12-31";
            v[DelegateFields.PassportPlaceOfIssue] = "Cairo";
        });
        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Id).SingleAsync());
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        var url = $"/admin/delegates/details/{id}";

        var masked = await HtmlForms.GetPageAsync(client, url);
        Assert.Equal("•••••5432", masked.QuerySelector("[data-testid=passport-number]")!.TextContent.Trim());
        Assert.DoesNotContain("P98765432", masked.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var revealed = await HtmlForms.SubmitAsync(client, masked, url, new Dictionary<string, string>(), formSelector: "form[action*='handler=Reveal']");

        var page = await HtmlForms.ParseAsync(revealed);
        Assert.Equal("P98765432", page.QuerySelector("[data-testid=passport-number]")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("[data-testid=history] tbody tr"), tr => tr.TextContent.Contains("revealed-passport", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_not_show_a_delegate_of_another_forum_or_an_unknown_id()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);

        var response = await client.GetAsync("/admin/delegates/details/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
