using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.CheckIns;

public sealed class CheckInAppFixture : ForumAppFactory;

/// <summary>The desk: scans by token, search, check-in once per checkpoint, badges printed and reprinted with a new token.</summary>
public sealed class CheckInTests(CheckInAppFixture app) : IClassFixture<CheckInAppFixture>
{
    private async Task<Delegate> DelegateAsync(RegistrationStatus status = RegistrationStatus.Approved, string? nativeName = "김민준", string language = "ko")
    {
        return await app.WithDbAsync(async db =>
        {
            var record = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(),
                DelegationId = await db.Delegations.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstAsync(),
                FamilyName = "Kim", GivenName = "Minjun " + Guid.NewGuid().ToString("N")[..6], NativeName = nativeName, NativeNameLanguage = language,
                CountryCode = "KR", Email = $"kim-{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate,
                Status = status, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record;
        });
    }

    private static async Task<JsonElement> ScanAsync(HttpClient client, string token, string? scanId = null, string checkpoint = Checkpoints.Main)
    {
        var response = await client.PostAsJsonAsync("/checkin/api/scans", new { token, checkpoint, scanId = scanId ?? Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<int> CheckInCountAsync(int delegateId) => app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.DelegateId == delegateId));

    [Fact]
    public async Task Should_check_in_a_scanned_badge_once_and_say_already_checked_in_with_time_and_desk_on_the_second_scan()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();

        var first = await ScanAsync(staff, person.CheckInToken.ToUpperInvariant());
        var second = await ScanAsync(staff, person.CheckInToken);

        Assert.Equal("checked-in", first.GetProperty("result").GetString());
        Assert.Equal("김민준", first.GetProperty("delegate").GetProperty("nativeName").GetString());
        Assert.Equal("already-checked-in", second.GetProperty("result").GetString());
        Assert.Equal(first.GetProperty("checkedInAt").GetDateTime(), second.GetProperty("checkedInAt").GetDateTime());
        Assert.StartsWith("staff-", second.GetProperty("checkedInBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CheckInCountAsync(person.Id));
    }

    [Fact]
    public async Task Should_refuse_an_unknown_token_and_a_delegate_not_approved_without_recording_anything()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var waiting = await DelegateAsync(RegistrationStatus.Submitted);

        Assert.Equal("unknown-token", (await ScanAsync(staff, CheckInTokens.New())).GetProperty("result").GetString());
        Assert.Equal("unknown-token", (await ScanAsync(staff, "' OR 1=1 --")).GetProperty("result").GetString());
        var refused = await ScanAsync(staff, waiting.CheckInToken);
        Assert.Equal("not-approved", refused.GetProperty("result").GetString());
        Assert.Equal(0, await CheckInCountAsync(waiting.Id));
    }

    [Fact]
    public async Task Should_count_one_check_in_when_two_desks_scan_the_same_badge_at_the_same_moment()
    {
        var desks = new[] { await Clients.SignedInAsync(app, Roles.Staff), await Clients.SignedInAsync(app, Roles.Staff) };
        var person = await DelegateAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => ScanAsync(desks[i % 2], person.CheckInToken)));

        Assert.Equal(1, answers.Count(a => a.GetProperty("result").GetString() == "checked-in"));
        Assert.Equal(15, answers.Count(a => a.GetProperty("result").GetString() == "already-checked-in"));
        Assert.Equal(1, await CheckInCountAsync(person.Id));
    }

    [Fact]
    public async Task Should_answer_a_scan_sent_again_as_it_did_the_first_time_and_count_it_once()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var scanId = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ScanAsync(staff, person.CheckInToken, scanId)));

        Assert.All(answers, a => Assert.Equal("checked-in", a.GetProperty("result").GetString()));
        Assert.Equal(1, await CheckInCountAsync(person.Id));
    }

    [Fact]
    public async Task Should_refuse_a_scan_id_sent_again_with_another_badge_or_checkpoint_as_a_conflict_and_record_nothing()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var first = await DelegateAsync();
        var second = await DelegateAsync(nativeName: "이서연");
        var banquet = await app.WithDbAsync(db => db.Sessions.Where(s => s.Type == Core.Programme.SessionType.Banquet).Select(s => s.Id).FirstAsync());
        var scanId = Guid.NewGuid().ToString();
        await ScanAsync(staff, first.CheckInToken, scanId);

        var otherBadge = await staff.PostAsJsonAsync("/checkin/api/scans", new { token = second.CheckInToken, checkpoint = Checkpoints.Main, scanId });
        var otherCheckpoint = await staff.PostAsJsonAsync("/checkin/api/scans", new { token = first.CheckInToken, checkpoint = Checkpoints.ForSession(banquet), scanId });
        var again = await ScanAsync(staff, first.CheckInToken, scanId);

        foreach (var refused in new[] { otherBadge, otherCheckpoint })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("conflict", body.GetProperty("result").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("delegate").ValueKind);
            Assert.Equal(JsonValueKind.Null, body.GetProperty("checkedInAt").ValueKind);
        }

        Assert.Equal(0, await CheckInCountAsync(second.Id));
        Assert.Equal(1, await CheckInCountAsync(first.Id));
        Assert.Equal("checked-in", again.GetProperty("result").GetString());
    }

    /// <summary>A scan as the desk sends it, answered with its status and result (a conflict comes as 409).</summary>
    private static async Task<(HttpStatusCode Status, string? Result, JsonElement Body)> SendAsync(HttpClient client, string token, string scanId, string checkpoint = Checkpoints.Main)
    {
        var response = await client.PostAsJsonAsync("/checkin/api/scans", new { token, checkpoint, scanId });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("result").GetString(), body);
    }

    [Fact]
    public async Task Should_answer_a_scan_id_first_answered_already_checked_in_the_same_way_again_and_refuse_it_for_another_badge()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var arrived = await DelegateAsync();
        var other = await DelegateAsync(nativeName: "이서연");
        var first = await ScanAsync(staff, arrived.CheckInToken);
        var scanId = Guid.NewGuid().ToString();

        var already = await SendAsync(staff, arrived.CheckInToken, scanId);
        var otherBadge = await SendAsync(staff, other.CheckInToken, scanId);
        var resent = await SendAsync(staff, arrived.CheckInToken, scanId);

        Assert.Equal((HttpStatusCode.OK, "already-checked-in"), (already.Status, already.Result));
        Assert.Equal((HttpStatusCode.Conflict, "conflict"), (otherBadge.Status, otherBadge.Result));
        Assert.Equal((HttpStatusCode.OK, "already-checked-in"), (resent.Status, resent.Result));
        Assert.Equal(first.GetProperty("checkedInAt").GetDateTime(), resent.Body.GetProperty("checkedInAt").GetDateTime());
        Assert.Equal(0, await CheckInCountAsync(other.Id));
        Assert.Equal(1, await CheckInCountAsync(arrived.Id));
    }

    [Fact]
    public async Task Should_answer_a_scan_id_first_answered_unknown_or_not_approved_the_same_way_again_and_refuse_it_for_another_badge()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var approved = await DelegateAsync();
        var waiting = await DelegateAsync(RegistrationStatus.Submitted);
        var unknown = CheckInTokens.New();
        var (unknownId, waitingId, textId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var (token, scanId) in new[]
        {
            (unknown, unknownId), (approved.CheckInToken, unknownId), (unknown, unknownId),
            (waiting.CheckInToken, waitingId), (approved.CheckInToken, waitingId), (waiting.CheckInToken, waitingId),
            ("' OR 1=1 --", textId), ("another smudge", textId), ("' OR 1=1 --", textId),
        })
        {
            var (status, result, _) = await SendAsync(staff, token, scanId);
            answers.Add((status, result));
        }

        // The waiting delegate is approved meanwhile: the scan sent again still gets the answer it got.
        await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == waiting.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, RegistrationStatus.Approved)));
        var late = await SendAsync(staff, waiting.CheckInToken, waitingId);

        Assert.Equal(
        [
            (HttpStatusCode.OK, "unknown-token"), (HttpStatusCode.Conflict, "conflict"), (HttpStatusCode.OK, "unknown-token"),
            (HttpStatusCode.OK, "not-approved"), (HttpStatusCode.Conflict, "conflict"), (HttpStatusCode.OK, "not-approved"),
            (HttpStatusCode.OK, "unknown-token"), (HttpStatusCode.Conflict, "conflict"), (HttpStatusCode.OK, "unknown-token"),
        ], answers);
        Assert.Equal((HttpStatusCode.OK, "not-approved"), (late.Status, late.Result));
        Assert.Equal((0, 0), (await CheckInCountAsync(approved.Id), await CheckInCountAsync(waiting.Id)));
    }

    [Fact]
    public async Task Should_keep_one_answer_for_a_scan_id_sent_at_the_same_moment_with_two_badges_and_check_in_only_that_badge()
    {
        var desks = new[] { await Clients.SignedInAsync(app, Roles.Staff), await Clients.SignedInAsync(app, Roles.Staff) };
        for (var round = 0; round < 4; round++)
        {
            // One badge already checked in, one not: whichever the database keeps first, the other is refused and not recorded.
            var arrived = await DelegateAsync();
            await ScanAsync(desks[0], arrived.CheckInToken);
            var fresh = await DelegateAsync(nativeName: "이서연");
            var scanId = Guid.NewGuid().ToString();

            var answers = await Task.WhenAll(Enumerable.Range(0, 8)
                .Select(i => SendAsync(desks[i % 2], i % 2 == 0 ? arrived.CheckInToken : fresh.CheckInToken, scanId)));

            var forArrived = answers.Where((_, i) => i % 2 == 0).Select(a => (a.Status, a.Result)).Distinct().ToList();
            var forFresh = answers.Where((_, i) => i % 2 == 1).Select(a => (a.Status, a.Result)).Distinct().ToList();
            var keptArrived = forArrived.SequenceEqual([(HttpStatusCode.OK, "already-checked-in")]) && forFresh.SequenceEqual([(HttpStatusCode.Conflict, "conflict")]);
            var keptFresh = forFresh.SequenceEqual([(HttpStatusCode.OK, "checked-in")]) && forArrived.SequenceEqual([(HttpStatusCode.Conflict, "conflict")]);
            Assert.True(keptArrived ^ keptFresh, $"round {round}: {string.Join(", ", forArrived)} / {string.Join(", ", forFresh)}");
            Assert.Equal(keptFresh ? 1 : 0, await CheckInCountAsync(fresh.Id));
            Assert.Equal(1, await CheckInCountAsync(arrived.Id));
            Assert.Equal(1, await app.WithDbAsync(db => db.Scans.CountAsync(s => s.ScanId == scanId)));
        }
    }

    [Fact]
    public async Task Should_count_each_checkpoint_separately_and_show_the_counts_by_delegation()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var banquet = await app.WithDbAsync(db => db.Sessions.Where(s => s.Type == Core.Programme.SessionType.Banquet).Select(s => s.Id).FirstAsync());
        var checkpoint = Checkpoints.ForSession(banquet);

        await ScanAsync(staff, person.CheckInToken);
        var atBanquet = await ScanAsync(staff, person.CheckInToken, checkpoint: checkpoint);
        var counts = await staff.GetFromJsonAsync<JsonElement>("/checkin/api/counts?checkpoint=" + Uri.EscapeDataString(checkpoint));
        var unknownPoint = await staff.PostAsJsonAsync("/checkin/api/scans", new { token = person.CheckInToken, checkpoint = "session:999999", scanId = "x" });

        Assert.Equal("checked-in", atBanquet.GetProperty("result").GetString());
        Assert.Equal(2, await CheckInCountAsync(person.Id));
        Assert.True(counts.GetProperty("checkedIn").GetInt32() >= 1);
        Assert.True(counts.GetProperty("expected").GetInt32() >= counts.GetProperty("checkedIn").GetInt32());
        Assert.Contains(counts.GetProperty("byDelegation").EnumerateArray(), row => row.GetProperty("checkedIn").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.BadRequest, unknownPoint.StatusCode);
    }

    [Fact]
    public async Task Should_name_the_delegations_in_the_desks_counts_and_results_in_the_readers_language()
    {
        var delegation = await app.WithDbAsync(db => db.Delegates.Where(d => d.Status == RegistrationStatus.Approved && d.Delegation != null)
            .Select(d => new { d.Delegation!.NameEn, d.Delegation.NameZh, d.Reference }).FirstAsync());
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");

        var page = await HtmlForms.GetPageAsync(staff, "/checkin");
        var counts = await staff.GetFromJsonAsync<JsonElement>("/checkin/api/counts");
        var found = await HtmlForms.GetPageAsync(staff, "/checkin?q=" + Uri.EscapeDataString(delegation.Reference));

        var rows = page.QuerySelectorAll("#count-table tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains(delegation.NameZh, rows);
        Assert.DoesNotContain(delegation.NameEn, rows);
        Assert.Contains(counts.GetProperty("byDelegation").EnumerateArray(), row => row.GetProperty("delegation").GetString() == delegation.NameZh);
        var result = found.QuerySelector("[data-testid=checkin-results] tbody tr")!.TextContent;
        Assert.Contains(delegation.NameZh, result, StringComparison.Ordinal);
        Assert.DoesNotContain(delegation.NameEn, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_push_the_desks_counts_when_someone_is_checked_in_and_only_to_staff()
    {
        var person = await DelegateAsync();
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var delegateClient = await Clients.SignedInAsync(app, Roles.Delegate);

        var refused = await delegateClient.GetAsync("/checkin/api/live", HttpCompletionOption.ResponseHeadersRead);
        using var live = await staff.GetAsync("/checkin/api/live", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await live.Content.ReadAsStreamAsync());
        var before = await EventStreams.NextAsync(reader);
        await ScanAsync(staff, person.CheckInToken);
        var after = await EventStreams.NextAsync(reader).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("text/event-stream", live.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.GetProperty("checkedIn").GetInt32() + 1, after.GetProperty("checkedIn").GetInt32());
    }

    [Fact]
    public async Task Should_let_only_staff_and_above_scan_and_only_as_JSON()
    {
        var person = await DelegateAsync();
        var body = new { token = person.CheckInToken, checkpoint = Checkpoints.Main, scanId = "a" };

        var anonymous = await Clients.Anonymous(app).PostAsJsonAsync("/checkin/api/scans", body);
        var delegateClient = await (await Clients.SignedInAsync(app, Roles.Delegate)).PostAsJsonAsync("/checkin/api/scans", body);
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var form = await staff.PostAsync("/checkin/api/scans", new FormUrlEncodedContent([new("token", person.CheckInToken)]));
        var counts = await (await Clients.SignedInAsync(app, Roles.Delegate)).GetAsync("/checkin/api/counts");

        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, anonymous.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, delegateClient.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, counts.StatusCode);
        Assert.Equal(0, await CheckInCountAsync(person.Id));
    }

    [Fact]
    public async Task Should_find_a_delegate_by_the_name_in_their_own_script_and_check_them_in_from_the_list()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync(nativeName: "Ярослава Ґонтаренко", language: "uk");

        var page = await HtmlForms.GetPageAsync(staff, "/checkin?q=" + Uri.EscapeDataString("Ґонтаренко"));
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=checkin-row]"));
        var response = await HtmlForms.SubmitAsync(staff, page, "/checkin", new Dictionary<string, string>(), "form[action*='handler=CheckIn']");
        var after = await HtmlForms.GetPageAsync(staff, "/checkin?q=" + Uri.EscapeDataString("Ґонтаренко"));

        Assert.Contains("Ярослава Ґонтаренко", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CheckInCountAsync(person.Id));
        Assert.Contains("Already checked in at", after.QuerySelector("[data-testid=checkin-row]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("[data-testid=check-in]"));
    }

    [Fact]
    public async Task Should_print_the_badge_as_a_PDF_with_the_name_and_log_the_print()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();

        var response = await staff.GetAsync($"/checkin/badges/{person.Id}.pdf?layout=CR80");
        var missing = await staff.GetAsync("/checkin/badges/999999.pdf");
        var badLayout = await staff.GetAsync($"/checkin/badges/{person.Id}.pdf?layout=Poster");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var file = await PdfReadBack.SaveAsync(await response.Content.ReadAsByteArrayAsync(), "badge.pdf");
        Assert.Contains("김민준", await PdfReadBack.TextAsync(file), StringComparison.Ordinal);
        var png = await PdfReadBack.RenderAsync(file, dpi: 300);
        Assert.Equal([person.CheckInToken], await PdfReadBack.ZbarAsync(png));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLayout.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.BadgePrints.CountAsync(p => p.DelegateId == person.Id && p.Layout == 1)));
    }

    [Fact]
    public async Task Should_reprint_a_lost_badge_with_a_new_code_so_the_old_one_stops_working()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var url = "/checkin?q=" + Uri.EscapeDataString(person.GivenName);
        var page = await HtmlForms.GetPageAsync(staff, url);

        var refused = await HtmlForms.SubmitAsync(staff, page, url, new Dictionary<string, string> { ["Reason"] = "  " }, "form[action*='handler=Reprint']");
        var asked = await HtmlForms.SubmitAsync(staff, page, url, new Dictionary<string, string> { ["Reason"] = "Lost at the hotel" }, "form[action*='handler=Reprint']");
        var question = await HtmlForms.ParseAsync(asked);
        var unchanged = await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == person.Id).Select(d => d.CheckInToken).SingleAsync());
        var reprinted = await HtmlForms.SubmitAsync(staff, question, url, new Dictionary<string, string>(), "[data-testid=confirm-step] form");
        var newToken = await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == person.Id).Select(d => d.CheckInToken).SingleAsync());
        var confirmation = await HtmlForms.GetPageAsync(staff, reprinted.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Give the reason", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await HtmlForms.ParseAsync(refused)).QuerySelector("[data-testid=confirm-step]"));
        var ask = question.QuerySelector("[data-testid=confirm-step]")!.TextContent;
        Assert.Contains($"Reprint the badge of KIM {person.GivenName}?", ask, StringComparison.Ordinal);
        Assert.Contains("stops working at every door", ask, StringComparison.Ordinal);
        Assert.Contains("Lost at the hotel", ask, StringComparison.Ordinal);
        Assert.Equal(person.CheckInToken, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, reprinted.StatusCode);
        Assert.NotEqual(person.CheckInToken, newToken);
        var done = confirmation.QuerySelector("[data-testid=reprint-done]")!;
        Assert.Contains($"New badge for KIM {person.GivenName}: the old badge no longer opens any door.", done.TextContent, StringComparison.Ordinal);
        var badge = await staff.GetAsync(done.QuerySelector("[data-testid=reprint-badge]")!.GetAttribute("href"));
        Assert.Equal("application/pdf", badge.Content.Headers.ContentType?.MediaType);
        var old = await ScanAsync(staff, person.CheckInToken);
        Assert.Equal(("refused", "revoked"), (old.GetProperty("result").GetString(), old.GetProperty("reason").GetString()));
        Assert.Equal("checked-in", (await ScanAsync(staff, newToken)).GetProperty("result").GetString());
        var log = await app.WithDbAsync(db => db.BadgePrints.Where(p => p.DelegateId == person.Id && p.ReprintReason != null).SingleAsync());
        Assert.Equal("Lost at the hotel", log.ReprintReason);
        var after = await HtmlForms.GetPageAsync(staff, url);
        Assert.Contains("Badge reprinted once", after.QuerySelector("[data-testid=checkin-row]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_tell_staff_and_health_about_a_name_character_no_installed_font_has_before_printing()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync(nativeName: "王\U00030000", language: "zh-Hans");

        var warning = await staff.GetAsync($"/checkin/badges/{person.Id}.pdf");
        var report = await staff.GetStringAsync("/health");
        var health = JsonDocument.Parse(report).RootElement;
        var page = await HtmlForms.ParseAsync(warning);
        var anyway = await staff.GetAsync(page.QuerySelector("[data-testid=print-anyway]")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.Conflict, warning.StatusCode);
        Assert.Contains("U+30000", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("application/pdf", anyway.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await app.WithDbAsync(db => db.BadgePrints.CountAsync(p => p.DelegateId == person.Id)));
        var documents = health.GetProperty("checks").GetProperty("documents");
        Assert.Equal("Degraded", documents.GetProperty("status").GetString());
        Assert.Contains(documents.GetProperty("data").GetProperty("latest").EnumerateArray(), line => line.GetString() == $"Badge Name: U+30000 for delegate {person.Id}");
        Assert.DoesNotContain(person.GivenName, report, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u738B", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("王", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_checked_in_just_now_as_a_success_after_checking_in_from_the_list()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var url = "/checkin?q=" + Uri.EscapeDataString(person.GivenName);
        var page = await HtmlForms.GetPageAsync(staff, url);

        var response = await HtmlForms.SubmitAsync(staff, page, url, new Dictionary<string, string>(), "form[action*='handler=CheckIn']");
        var after = await HtmlForms.GetPageAsync(staff, response.Headers.Location!.OriginalString);

        var row = Assert.Single(after.QuerySelectorAll("[data-testid=checkin-row]"));
        Assert.StartsWith("Checked in just now", row.QuerySelector("[data-testid=checked-in-now].desk-ok")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("Already checked in", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(row.QuerySelectorAll(".alert"));
    }

    [Fact]
    public async Task Should_offer_no_badge_to_print_for_a_delegate_the_desk_must_not_admit()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync(RegistrationStatus.Waitlisted);

        var page = await HtmlForms.GetPageAsync(staff, "/checkin?q=" + Uri.EscapeDataString(person.GivenName));

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=checkin-row]"));
        Assert.Contains("Not approved", row.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("[data-testid=print-badge]"));
        Assert.Null(row.QuerySelector("[data-testid=reprint]"));
        Assert.Null(row.QuerySelector("[data-testid=check-in]"));
    }

    [Fact]
    public async Task Should_print_badges_in_the_layout_chosen_at_the_desk_and_keep_the_choice_after_a_check_in()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var url = "/checkin?layout=CR80&q=" + Uri.EscapeDataString(person.GivenName);
        var page = await HtmlForms.GetPageAsync(staff, url);

        var response = await HtmlForms.SubmitAsync(staff, page, url, new Dictionary<string, string>(), "form[action*='handler=CheckIn']");
        var after = await HtmlForms.GetPageAsync(staff, response.Headers.Location!.OriginalString);
        var href = after.QuerySelector("[data-testid=print-badge]")!.GetAttribute("href")!;
        await staff.GetAsync(href);

        Assert.Equal(["", "A6", "CR80", "A4"], page.QuerySelectorAll("[data-testid=desk-layout] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("CR80", after.QuerySelector("[data-testid=desk-layout] option[selected]")!.GetAttribute("value"));
        Assert.Equal($"/checkin/badges/{person.Id}.pdf?layout=CR80", href);
        Assert.Equal((int)Documents.Badges.BadgeLayout.CR80, await app.WithDbAsync(db => db.BadgePrints.Where(p => p.DelegateId == person.Id).Select(p => p.Layout).SingleAsync()));
    }
}
