using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Integrations;
using ForumManager.Features.Programme;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Web.Tests.Admin.Webhooks;

/// <summary>
/// An outside system told of what happens, end to end: an admin adds its endpoint on the page and copies the secret
/// shown once; an organizer approves a registration on its page, a desk scans a badge, the programme is released; the
/// receiver, on a loopback port, checks each signature itself and keeps each message once, through a 500 and a timeout.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookAppFixture app) : IClassFixture<WebhookAppFixture>
{
    /// <summary>Adds an endpoint through the page as an admin would; returns its id and the secret the page showed.</summary>
    private async Task<(int Id, string Secret)> AddEndpointAsync(HttpClient admin, string url, IEnumerable<string> events)
    {
        var secret = await SecretShownAsync(admin, await PostEndpointFormAsync(admin, url, events, allowPrivate: true));
        var id = await app.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Url == url).Select(e => e.Id).SingleAsync());
        return (id, secret);
    }

    /// <summary>
    /// The secret the page a creating post redirects to shows, once: reloaded, that page goes to the endpoint's page,
    /// with no secret and no second endpoint.
    /// </summary>
    private async Task<string> SecretShownAsync(HttpClient client, HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var shown = created.Headers.Location!.OriginalString;
        var page = await HtmlForms.GetPageAsync(client, shown);
        var secret = page.QuerySelector("[data-testid=secret-value]")?.TextContent.Trim();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var id = int.Parse(shown.Split('?')[0].Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var reloaded = await client.GetAsync(shown);
        Assert.Equal(HttpStatusCode.Redirect, reloaded.StatusCode);
        Assert.Equal($"/admin/webhooks/{id}", reloaded.Headers.Location?.OriginalString);
        Assert.DoesNotContain(secret!, await (await client.GetAsync($"/admin/webhooks/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var url = await app.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.Url).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.WebhookEndpoints.CountAsync(e => e.Url == url)));
        return secret!;
    }

    internal static async Task<HttpResponseMessage> PostEndpointFormAsync(HttpClient admin, string url, IEnumerable<string> events, bool allowPrivate, string page = "/admin/webhooks/edit")
    {
        var form = (await HtmlForms.GetPageAsync(admin, page)).QuerySelector("form[data-testid=webhook-form]") as IHtmlFormElement
            ?? throw new InvalidOperationException("No endpoint form.");
        var fields = HtmlForms.DefaultValues(form).Where(f => f.Key is not ("Input.Url" or "Input.Events" or "Input.AllowPrivateNetwork")).ToList();
        fields.Add(new("Input.Url", url));
        fields.AddRange(events.Select(e => new KeyValuePair<string, string>("Input.Events", e)));
        if (allowPrivate)
        {
            fields.Add(new("Input.AllowPrivateNetwork", "true"));
        }

        return await admin.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Should_tell_the_receiver_of_an_approval_a_check_in_and_a_release_once_each_with_valid_signatures_through_a_500_and_a_timeout()
    {
        await using var receiver = new WebhookReceiver(() => app.Clock.GetUtcNow());
        var admin = await Clients.SignedInAsync(app, Roles.Admin);
        var (_, secret) = await AddEndpointAsync(admin, receiver.Url, WebhookEvents.All);
        receiver.Secret = secret;
        receiver.AnswerNextWith(HttpStatusCode.InternalServerError);
        receiver.StallNext(TimeSpan.FromSeconds(3));
        var (submitted, arriving) = await app.WithDbAsync(async db =>
        {
            var waiting = await db.Delegates.Where(d => d.Status == RegistrationStatus.Submitted).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            var approved = await db.Delegates.Where(d => d.Status == RegistrationStatus.Approved && !db.CheckIns.Any(c => c.DelegateId == d.Id))
                .OrderBy(d => d.Id).Select(d => new { d.Id, d.CheckInToken }).FirstAsync();
            return (waiting, approved);
        });

        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var decided = await HtmlForms.SubmitAsync(organizer, $"/admin/delegates/details/{submitted}", new Dictionary<string, string> { ["Decision"] = "Approved" },
            formSelector: "form.decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var scanned = await staff.PostAsJsonAsync("/checkin/api/scans", new { token = arriving.CheckInToken, checkpoint = Checkpoints.Main, scanId = Guid.NewGuid().ToString() });
        Assert.Equal("checked-in", (await scanned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        var version = await app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var forum = await db.Forums.AsNoTracking().SingleAsync();
            return await scope.ServiceProvider.GetRequiredService<ProgrammeReleases>().PublishAsync(forum, "Webhook test release", new Actor(null, "organizer"), CancellationToken.None);
        });

        bool Told(WebhookReceiver.Received m, string type, Func<JsonElement, bool> about) => m.Type == type && about(m.Data);
        bool Approval(WebhookReceiver.Received m) => Told(m, WebhookEvents.RegistrationApproved, d => d.GetProperty("delegateId").GetInt32() == submitted);
        bool CheckIn(WebhookReceiver.Received m) => Told(m, WebhookEvents.CheckInMade, d => d.GetProperty("delegateId").GetInt32() == arriving.Id);
        bool Release(WebhookReceiver.Received m) => Told(m, WebhookEvents.ProgrammeReleased, d => d.GetProperty("version").GetInt32() == version);
        var started = DateTime.UtcNow;
        while (!(receiver.Messages.Any(Approval) && receiver.Messages.Any(CheckIn) && receiver.Messages.Any(Release)) && DateTime.UtcNow - started < TimeSpan.FromSeconds(60))
        {
            // Retries are due 5 s and then 30 s after a failure: the app's clock goes on faster than the test waits.
            await Task.Delay(500);
            app.Clock.MoveOn(TimeSpan.FromSeconds(20));
        }

        Assert.Empty(receiver.Refused);
        Assert.Single(receiver.Messages, Approval);
        Assert.Single(receiver.Messages, CheckIn);
        Assert.Single(receiver.Messages, Release);
        Assert.All(receiver.Messages, m => Assert.Equal(1, m.Times));
        var approval = receiver.Messages.Single(Approval).Data;
        Assert.Equal("approved", approval.GetProperty("status").GetString());
        Assert.False(approval.TryGetProperty("passportNumber", out _));
        var tries = await app.WithDbAsync(db => db.WebhookAttempts.AsNoTracking().Select(a => new { a.StatusCode, a.Error }).ToListAsync());
        Assert.Contains(tries, t => t.StatusCode == 500);
        Assert.Contains(tries, t => t.StatusCode is null && t.Error!.StartsWith("No answer within 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_show_why_a_private_address_is_refused_next_to_the_url_and_save_nothing()
    {
        var admin = await Clients.SignedInAsync(app, Roles.Admin);
        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}/refused";

        var response = await PostEndpointFormAsync(admin, url, [WebhookEvents.CheckInMade], allowPrivate: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("private, loopback or reserved network", page.QuerySelector("[data-valmsg-for='Input.Url']")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=secret-value]"));
        Assert.False(await app.WithDbAsync(db => db.WebhookEndpoints.AnyAsync(e => e.Url == url)));
    }

    [Fact]
    public async Task Should_send_a_test_event_and_a_delivery_again_with_its_id_from_the_endpoint_page_and_switch_it_off()
    {
        await using var receiver = new WebhookReceiver(() => app.Clock.GetUtcNow());
        var admin = await Clients.SignedInAsync(app, Roles.Admin);
        var (id, secret) = await AddEndpointAsync(admin, receiver.Url, [WebhookEvents.NoticeFailed]);
        receiver.Secret = secret;
        var endpointPage = $"/admin/webhooks/{id}";
        Assert.DoesNotContain(secret, await admin.GetStringAsync(endpointPage), StringComparison.Ordinal);

        var pinged = await HtmlForms.SubmitAsync(admin, endpointPage, new Dictionary<string, string>(), formSelector: "form[action*='handler=Ping']");
        Assert.Equal(HttpStatusCode.Redirect, pinged.StatusCode);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Messages.Any(m => m.Type == "ping"))));
        var ping = receiver.Messages.Single(m => m.Type == "ping");
        // The receiver has answered; the dispatcher records the try a moment later.
        Assert.True(await Eventually.HoldsAsync(() => app.WithDbAsync(db => db.WebhookDeliveries.AnyAsync(d => d.MessageId == ping.Id && d.State == WebhookDeliveryState.Delivered))));

        var page = await HtmlForms.GetPageAsync(admin, endpointPage);
        Assert.Equal(ping.Id, page.QuerySelector("[data-testid=delivery]")?.GetAttribute("data-message-id"));
        var again = await HtmlForms.SubmitAsync(admin, page, endpointPage, new Dictionary<string, string>(), formSelector: "[data-testid=delivery] form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Messages.Single(m => m.Type == "ping").Times == 2)));
        Assert.Single(receiver.Messages);

        var off = await HtmlForms.SubmitAsync(admin, endpointPage, new Dictionary<string, string>(), formSelector: "form[action*='handler=Enable']");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Off", (await HtmlForms.GetPageAsync(admin, endpointPage)).QuerySelector("[data-testid=endpoint-state]")?.TextContent, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(WebhookEndpoint) && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["webhook-added", "webhook-pinged", "webhook-sent-again", "webhook-disabled"], audited);
    }

    [Fact]
    public async Task Should_let_organizers_add_endpoints_but_leave_private_networks_to_admins()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/webhooks")).StatusCode);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin/webhooks")).StatusCode);
        var form = await HtmlForms.GetPageAsync(organizer, "/admin/webhooks/edit");
        Assert.NotNull(form.QuerySelector("form[data-testid=webhook-form]"));
        Assert.Null(form.QuerySelector("[name='Input.AllowPrivateNetwork']"));

        // Subscribed to transfers, which no test here makes: nothing is sent to these addresses.
        // An organizer's endpoint on a public address is made, its secret shown once.
        var added = await PostEndpointFormAsync(organizer, "https://93.184.215.14/partner-hooks", [WebhookEvents.TransferAssigned], allowPrivate: false);
        await SecretShownAsync(organizer, added);
        Assert.False(await app.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Url == "https://93.184.215.14/partner-hooks").Select(e => e.AllowPrivateNetwork).SingleAsync()));

        // A forged post asking for private networks is refused next to the field, and nothing is made.
        var forged = await HtmlForms.ParseAsync(await PostEndpointFormAsync(organizer, "http://127.0.0.1:9/forged", [WebhookEvents.TransferAssigned], allowPrivate: true));
        Assert.Contains("Only an admin may allow private networks", forged.QuerySelector("[data-valmsg-for='Input.AllowPrivateNetwork']")?.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.WebhookEndpoints.AnyAsync(e => e.Url == "http://127.0.0.1:9/forged")));

        // An endpoint an admin allowed: the organizer is told, cannot keep a private address, and cannot forge the permission back.
        var admin = await Clients.SignedInAsync(app, Roles.Admin);
        await AddEndpointAsync(admin, "http://127.0.0.1:9/venue", [WebhookEvents.TransferAssigned]);
        var id = await app.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Url == "http://127.0.0.1:9/venue").Select(e => e.Id).SingleAsync());
        var page = $"/admin/webhooks/edit/{id}";
        Assert.NotNull((await HtmlForms.GetPageAsync(organizer, page)).QuerySelector("[data-testid=private-kept-by-admin]"));
        var kept = await HtmlForms.ParseAsync(await PostEndpointFormAsync(organizer, "http://127.0.0.1:9/venue", [WebhookEvents.TransferAssigned], allowPrivate: false, page));
        Assert.Contains("Only an admin may let an endpoint reach", kept.QuerySelector("[data-valmsg-for='Input.Url']")?.TextContent, StringComparison.Ordinal);
        var forgedEdit = await HtmlForms.ParseAsync(await PostEndpointFormAsync(organizer, "http://127.0.0.1:9/elsewhere", [WebhookEvents.TransferAssigned], allowPrivate: true, page));
        Assert.Contains("Only an admin may allow private networks", forgedEdit.QuerySelector("[data-valmsg-for='Input.AllowPrivateNetwork']")?.TextContent, StringComparison.Ordinal);
        var endpoint = await app.WithDbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(("http://127.0.0.1:9/venue", true), (endpoint.Url, endpoint.AllowPrivateNetwork));

        // Saved by an organizer with a public address, it loses the permission; an admin's save keeps it.
        Assert.Equal(HttpStatusCode.Redirect, (await PostEndpointFormAsync(organizer, "https://93.184.215.14/venue", [WebhookEvents.TransferAssigned], allowPrivate: false, page)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.AllowPrivateNetwork).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await PostEndpointFormAsync(admin, "http://127.0.0.1:9/venue", [WebhookEvents.TransferAssigned], allowPrivate: true, page)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.AllowPrivateNetwork).SingleAsync()));
    }
}
