using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ForumManager.Web.Tests.Admin.Delegations;

/// <summary>An app of its own, with open registration switched off: only invitations let people in.</summary>
public sealed class InvitationAppFixture : ForumAppFactory;

public sealed class InvitationTests(InvitationAppFixture app) : IClassFixture<InvitationAppFixture>
{
    [Fact]
    public async Task Should_let_an_invited_head_of_delegation_register_once_while_registration_is_closed()
    {
        await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.OpenRegistration, false)));
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var head = $"head-{Guid.NewGuid():N}@rabat.example.org";

        var invited = await HtmlForms.SubmitAsync(organizer, "/admin/delegations", new Dictionary<string, string>
        {
            ["Invite.Institution"] = "Mohammed V University",
            ["Invite.CountryCode"] = "MA",
            ["Invite.Email"] = head,
            ["Invite.Quota"] = "4",
        }, formSelector: "[data-testid=invite-form]");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == head));
        var message = await app.ReadMailAsync(row);
        Assert.Contains("邀请函", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Invitation", message.Subject, StringComparison.Ordinal);
        var link = (message.TextBody ?? string.Empty).Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("http://forum.test/register?invitation=", StringComparison.Ordinal));
        var url = link["http://forum.test".Length..];

        var closed = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/register");
        Assert.NotNull(closed.QuerySelector("[data-testid=registration-closed]"));

        var client = Clients.Anonymous(app);
        var form = await HtmlForms.GetPageAsync(client, url);
        Assert.Contains("Mohammed V University", form.QuerySelector("[data-testid=invited-as]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(head, form.QuerySelector($"input[name='{DelegateFields.Email}']")!.GetAttribute("value"));
        Assert.Equal("MA", form.QuerySelector($"select[name='{DelegateFields.CountryCode}'] option[selected]")?.GetAttribute("value"));
        var registered = await RegistrationForm.SubmitAsync(client, form, head, v =>
        {
            v[DelegateFields.FamilyName] = "El Alaoui";
            v[DelegateFields.GivenName] = "Karim";
            v[DelegateFields.NativeName] = "كريم العلوي";
            v[DelegateFields.CountryCode] = "MA";
            v[DelegateFields.PreferredLanguage] = "en";
        }, url);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var delegate_ = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Include(d => d.Delegation).SingleAsync(d => d.Email == head));
        Assert.Equal((DelegateCategory.HeadOfDelegation, "Mohammed V University", 4, "كريم العلوي"),
            (delegate_.Category, delegate_.Delegation!.NameEn, delegate_.Delegation.Quota, delegate_.NativeName));
        Assert.True(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.AcceptedDelegateId == delegate_.Id)));

        var again = await HtmlForms.GetPageAsync(Clients.Anonymous(app), url);
        Assert.Contains("already been used", again.QuerySelector("[data-testid=registration-closed]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.TokenHash.Contains(url.Substring(url.IndexOf('=') + 1)))));
    }

    [Fact]
    public async Task Should_send_the_same_invitation_again_and_never_make_a_second_delegation_for_an_address()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var head = $"head-{Guid.NewGuid():N}@lyon.example.org";
        var first = $"Université Lyon {Guid.NewGuid():N}"[..30];
        var second = $"Institut Lyon {Guid.NewGuid():N}"[..30];
        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(organizer, first, head)).StatusCode);

        var elsewhere = await InviteAsync(organizer, second, head);

        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        var message = (await HtmlForms.ParseAsync(elsewhere)).QuerySelector("[data-valmsg-for='Invite.Email']")!.TextContent;
        Assert.Contains(first, message, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Delegations.AnyAsync(d => d.NameEn == second)));

        var again = await InviteAsync(organizer, first, head, quota: "6");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.Email == head)));
        Assert.Equal(6, await app.WithDbAsync(db => db.Delegations.Where(d => d.NameEn == first).Select(d => d.Quota).SingleAsync()));
        var links = await LinksAsync(head);
        Assert.Equal(2, links.Count);
        var stale = await HtmlForms.GetPageAsync(Clients.Anonymous(app), links[0]);
        Assert.NotNull(stale.QuerySelector("[data-testid=registration-closed]"));
        var current = await HtmlForms.GetPageAsync(Clients.Anonymous(app), links[1]);
        Assert.Contains(first, current.QuerySelector("[data-testid=invited-as]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_one_invitation_when_one_address_is_invited_for_several_delegations_at_once()
    {
        var organizers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Clients.SignedInAsync(app, Roles.Organizer)));
        var head = $"head-{Guid.NewGuid():N}@nantes.example.org";
        var tag = Guid.NewGuid().ToString("N")[..8];
        var names = organizers.Select((_, i) => $"Institution {tag} {i}").ToList();

        var answers = await Task.WhenAll(organizers.Select((client, i) => InviteAsync(client, names[i], head)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.Email == head)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Delegations.CountAsync(d => names.Contains(d.NameEn))));
        Assert.Single(await LinksAsync(head));
    }

    [Fact]
    public async Task Should_refuse_to_invite_someone_who_already_heads_a_delegation()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var head = await app.WithDbAsync(db => db.Delegates.Where(d => d.Category == DelegateCategory.HeadOfDelegation && d.DelegationId != null
            && d.Status == RegistrationStatus.Approved).Select(d => d.Email).FirstAsync());

        var response = await InviteAsync(organizer, $"Another institution {Guid.NewGuid():N}"[..30], head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already heads", (await HtmlForms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Invite.Email']")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == head)));
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient organizer, string institution, string email, string quota = "4") =>
        HtmlForms.SubmitAsync(organizer, "/admin/delegations", new Dictionary<string, string>
        {
            ["Invite.Institution"] = institution,
            ["Invite.CountryCode"] = "FR",
            ["Invite.Email"] = email,
            ["Invite.Quota"] = quota,
        }, formSelector: "[data-testid=invite-form]");

    /// <summary>The links of every invitation mailed to <paramref name="email"/>, oldest first, as paths.</summary>
    private async Task<List<string>> LinksAsync(string email)
    {
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync());
        var links = new List<string>();
        foreach (var row in rows)
        {
            var message = await app.ReadMailAsync(row);
            links.Add((message.TextBody ?? string.Empty).Split('\n').Select(l => l.Trim())
                .First(l => l.StartsWith("http://forum.test/register?invitation=", StringComparison.Ordinal))["http://forum.test".Length..]);
        }

        return links;
    }
}

public sealed class DelegationMembersTests(InvitationAppFixture app) : IClassFixture<InvitationAppFixture>
{
    [Fact]
    public async Task Should_keep_a_head_within_the_quota_and_away_from_other_delegations()
    {
        var head = $"head-{Guid.NewGuid():N}@kazan.example.org";
        var delegationId = await app.WithDbAsync(db => db.Delegations.Where(d => d.NameEn == "Delegation of Kazan").Select(d => d.Id).SingleAsync());
        var active = await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.DelegationId == delegationId && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected));
        await app.WithDbAsync(db => db.Delegations.Where(d => d.Id == delegationId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Quota, active + 2)));
        await RegistrationForm.SubmitAsync(Clients.Anonymous(app), head, v =>
        {
            v[DelegateFields.DelegationId] = delegationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            v[DelegateFields.NativeName] = "Ильдар Галиев";
        });
        await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == head).ExecuteUpdateAsync(s => s.SetProperty(d => d.Category, DelegateCategory.HeadOfDelegation)));
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == head).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));
        var client = await Clients.SignInAsync(app, head, ForumAppFactory.Password);

        var added = await MemberForm.AddAsync(client, new Dictionary<string, string>
        {
            [MemberForm.FamilyName] = "Petrova",
            [MemberForm.GivenName] = "Olga",
            [MemberForm.NativeName] = "Ольга Петрова",
            [MemberForm.Email] = $"olga-{Guid.NewGuid():N}@kazan.example.org",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var full = await HtmlForms.GetPageAsync(client, "/me/delegation");
        Assert.Null(full.QuerySelector(MemberForm.AddSelector));
        Assert.Contains("Ольга Петрова", full.QuerySelector("[data-testid=members]")!.TextContent, StringComparison.Ordinal);

        var stranger = await app.WithDbAsync(db => db.Delegates.Where(d => d.DelegationId != delegationId && d.Status == RegistrationStatus.Approved).Select(d => d.Id).FirstAsync());
        var token = full.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var attempt = await client.PostAsync($"/me/delegation?handler=Withdraw&memberId={stranger}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        Assert.Equal(RegistrationStatus.Approved, await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == stranger).Select(d => d.Status).SingleAsync()));
    }
}
