using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Integrations;
using ForumManager.Features.Integrations;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Api;

/// <summary>The app on Kestrel behind a proxy on the server itself, so that a use's address is the one the forwarded headers give.</summary>
public sealed class ApiTokenAppFixture : ForumAppFactory
{
    private string? _address;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Proxy:KnownProxies"] = "127.0.0.1",
        ["Forum:DemoDelegates"] = "3",
        ["Api:RequestsPerMinute"] = "5",
        ["Api:RefusedTokensPerMinute"] = "10",
    };

    public HttpClient Client(string? forwardedFor = null)
    {
        _address ??= StartKestrel();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = new Uri(_address),
        };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    public async Task<HttpClient> SignedInAsync(string role)
    {
        var client = Client();
        var response = await SignInForm.SubmitAsync(client, await CreateUserAsync(role), Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

/// <summary>
/// Tokens made on /admin/api: shown once, kept as a hash, refused once expired or revoked, each use logged with its
/// address and answer, a browser's sign-in never counting, and each token held to its own rate limit.
/// </summary>
public sealed class ApiTokenTests(ApiTokenAppFixture app) : IClassFixture<ApiTokenAppFixture>
{
    private string? _readPath;

    /// <summary>A call a token with programme:read may make (the stand-in /api/v1/forum, or a resource's own).</summary>
    private async Task<string> ReadPathAsync() => _readPath ??= await ApiTestTokens.ProgrammeReadPathAsync(app.Client());

    [Fact]
    public async Task Should_show_a_new_token_once_keep_only_its_hash_and_let_it_call_the_api()
    {
        var readPath = await ReadPathAsync();
        var admin = await app.SignedInAsync(Roles.Admin);

        var created = await HtmlForms.SubmitAsync(admin, "/admin/api", new Dictionary<string, string>
        {
            ["Input.Name"] = "Venue screens", ["Input.Note"] = "The lobby's signage", ["Input.Scopes"] = ApiScopes.ProgrammeRead,
        }, "[data-testid=token-form]");
        var page = await HtmlForms.ParseAsync(created);
        var token = page.QuerySelector("[data-testid=issued-token]")?.TextContent.Trim();
        var later = await admin.GetStringAsync("/admin/api");
        var call = await app.Client().SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, token));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.NotNull(token);
        Assert.Matches("^fmk_[a-z2-7]{8}_[a-z2-7]{32}$", token);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(token, later, StringComparison.Ordinal);
        Assert.Contains(token[..12], later, StringComparison.Ordinal);
        var row = await app.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name == "Venue screens"));
        Assert.Equal(token[..12], row.Prefix);
        Assert.Equal(ApiTokenIssuer.Hash(token), row.SecretHash);
        Assert.DoesNotContain(token[13..], JsonSerializer.Serialize(row), StringComparison.Ordinal);
        Assert.Equal((ApiScopes.ProgrammeRead, "The lobby's signage"), (row.Scopes, row.Note));
        Assert.InRange((row.ExpiresUtc - DateTime.UtcNow).TotalDays, 89, 91.1);
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ApiToken" && a.EntityId == row.Id.ToString() && a.Action == "api-token-created")));
    }

    [Fact]
    public async Task Should_refuse_a_token_without_a_name_or_scope_and_with_a_far_expiry_next_to_its_fields_in_chinese()
    {
        var admin = await app.SignedInAsync(Roles.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var refused = await HtmlForms.SubmitAsync(admin, "/admin/api", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.ExpiresOn"] = DateTime.UtcNow.AddYears(3).ToString("yyyy-MM-dd"),
        }, "[data-testid=token-form]");
        var page = await HtmlForms.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Null(page.QuerySelector("[data-testid=issued-token]"));
        Assert.Contains("名称", page.QuerySelector("#name-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("请至少选择一个权限范围。", page.QuerySelector("#scopes-error")?.TextContent.Trim());
        Assert.StartsWith("请选择", page.QuerySelector("#expires-error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.Name == "")));
    }

    [Fact]
    public async Task Should_refuse_expired_and_revoked_tokens_with_a_401_problem()
    {
        var readPath = await ReadPathAsync();
        var admin = await app.SignedInAsync(Roles.Admin);
        var expired = await ApiTestTokens.AddAsync(app, [ApiScopes.ProgrammeRead], expiresUtc: DateTime.UtcNow.AddMinutes(-1));
        var revoked = await ApiTestTokens.AddAsync(app, [ApiScopes.ProgrammeRead]);
        var id = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Prefix == revoked.Substring(0, 12)).Select(t => t.Id).SingleAsync());
        var before = await app.Client().SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, revoked));

        var page = await ConfirmSteps.AskedAsync(await HtmlForms.SubmitAsync(admin, "/admin/api", new Dictionary<string, string>(), $"form[action='/admin/api?id={id}&handler=Revoke']"));
        var done = await ConfirmSteps.ConfirmAsync(admin, page, "/admin/api");
        var afterRevoke = await app.Client().SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, revoked, "zh-CN"));
        var afterExpiry = await app.Client().SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, expired));
        var madeUp = await app.Client().SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, revoked[..^1] + (revoked[^1] == 'a' ? 'b' : 'a')));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains(revoked[..12], ConfirmSteps.Question(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("该 API 令牌无效、已过期或已被撤销。", (await ApiTestTokens.ProblemAsync(afterRevoke, 401)).GetProperty("detail").GetString());
        Assert.Equal("The API token is unknown, expired or revoked.", (await ApiTestTokens.ProblemAsync(afterExpiry, 401)).GetProperty("detail").GetString());
        await ApiTestTokens.ProblemAsync(madeUp, 401);
        Assert.Contains(afterExpiry.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var row = await app.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.NotNull(row.RevokedUtc);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ApiToken" && a.EntityId == id.ToString() && a.Action == "api-token-revoked")));
        Assert.Contains("Revoked", (await HtmlForms.GetPageAsync(admin, "/admin/api")).QuerySelector($"[data-testid=token-{revoked[..12]}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_log_each_use_with_the_forwarded_address_and_the_answer_keep_90_days_and_show_it_to_the_admin()
    {
        var readPath = await ReadPathAsync();
        var admin = await app.SignedInAsync(Roles.Admin);
        var token = await ApiTestTokens.AddAsync(app, [ApiScopes.ProgrammeRead]);
        var other = await ApiTestTokens.AddAsync(app, [ApiScopes.DelegatesRead]);
        var client = app.Client(forwardedFor: "203.0.113.7");
        var old = await app.WithDbAsync(async db =>
        {
            var use = new ApiTokenUse
            {
                TokenId = await db.ApiTokens.Where(t => t.Prefix == token.Substring(0, 12)).Select(t => t.Id).SingleAsync(), AtUtc = DateTime.UtcNow.AddDays(-91),
                Address = "198.51.100.1", Method = "GET", Path = "/api/v1/old", StatusCode = 200,
            };
            db.ApiTokenUses.Add(use);
            await db.SaveChangesAsync();
            return use.Id;
        });

        var ok = await client.SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath + "?ignored=query", token));
        var forbidden = await client.SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, other));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await ApiTestTokens.ProblemAsync(forbidden, 403);
        var prefix = token[..12];
        var uses = await Eventually.ReadAsync(
            () => app.WithDbAsync(db => db.ApiTokenUses.AsNoTracking().Where(u => db.ApiTokens.Any(t => t.Id == u.TokenId && (t.Prefix == prefix || t.Prefix == other.Substring(0, 12)))).ToListAsync()),
            u => u.Count(x => x.Id != old) >= 2 && u.All(x => x.Id != old));
        // The use from 91 days ago is gone: the log keeps 90 days.
        Assert.Equal(2, uses.Count);
        Assert.DoesNotContain(uses, u => u.Id == old);
        Assert.All(uses, u => Assert.Equal(("203.0.113.7", "GET", readPath), (u.Address, u.Method, u.Path)));
        Assert.Equal([200, 403], uses.Select(u => u.StatusCode).Order());
        var row = await app.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Prefix == prefix));
        Assert.Equal("203.0.113.7", row.LastUsedAddress);
        Assert.NotNull(row.LastUsedUtc);
        var detail = await HtmlForms.GetPageAsync(admin, $"/admin/api/{row.Id}");
        Assert.Contains("203.0.113.7", detail.QuerySelector("[data-testid=uses]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("GET " + readPath, detail.QuerySelector("[data-testid=uses]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_a_signed_in_admin_without_a_token_with_401_and_keep_organizers_out_of_the_token_pages()
    {
        var readPath = await ReadPathAsync();
        var admin = await app.SignedInAsync(Roles.Admin);
        var organizer = await app.SignedInAsync(Roles.Organizer);

        var call = await admin.GetAsync(readPath);
        var list = await organizer.GetAsync("/admin/api");
        var console = await organizer.GetStringAsync("/admin");
        var adminConsole = await admin.GetStringAsync("/admin");

        await ApiTestTokens.ProblemAsync(call, 401);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.DoesNotContain("href=\"/admin/api\"", console, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/api\"", adminConsole, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/webhooks\"", adminConsole, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_hold_each_token_to_its_own_limit_a_minute_with_a_429_problem_and_retry_after()
    {
        var readPath = await ReadPathAsync();
        var busy = await ApiTestTokens.AddAsync(app, [ApiScopes.ProgrammeRead]);
        var quiet = await ApiTestTokens.AddAsync(app, [ApiScopes.ProgrammeRead]);
        var client = app.Client();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await client.SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, busy)));
        }

        var other = await client.SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, quiet));

        // Five a minute: at most ten pass even when the twelve calls straddle the start of a new minute.
        Assert.InRange(statuses.Count(r => r.StatusCode == HttpStatusCode.OK), 5, 10);
        var refused = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var problem = await ApiTestTokens.ProblemAsync(refused, 429);
        Assert.Contains("5", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Should_keep_a_token_working_while_someone_floods_its_prefix_with_wrong_secrets()
    {
        var readPath = await ReadPathAsync();
        var victim = await ApiTestTokens.AddAsync(app, [ApiScopes.ProgrammeRead]);
        var attacker = app.Client(forwardedFor: "198.51.100.20");
        var partner = app.Client(forwardedFor: "198.51.100.21");

        var flood = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var guess = victim[..13] + System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz234567", 32);
            flood.Add((await attacker.SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, guess))).StatusCode);
        }

        var calls = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            calls.Add((await partner.SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, victim))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.OK, flood);
        Assert.All(calls, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Should_answer_an_address_presenting_made_up_tokens_429_after_the_limit_and_still_take_its_good_token()
    {
        var readPath = await ReadPathAsync();
        var good = await ApiTestTokens.AddAsync(app, [ApiScopes.ProgrammeRead]);
        var client = app.Client(forwardedFor: "198.51.100.30");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 25; i++)
        {
            var madeUp = "fmk_" + System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz234567", 8) + "_"
                + System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz234567", 32);
            answers.Add(await client.SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, madeUp)));
        }

        var afterwards = await client.SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, good));
        var elsewhere = await app.Client(forwardedFor: "198.51.100.31").SendAsync(ApiTestTokens.Request(HttpMethod.Get, readPath, "fmk_aaaaaaaa_" + new string('b', 32)));

        // Ten a minute: at most twenty refused with 401 even when the calls straddle the start of a new minute.
        Assert.InRange(answers.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), 10, 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].StatusCode);
        await ApiTestTokens.ProblemAsync(answers[^1], 429);
        Assert.InRange(int.Parse(answers[^1].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        await ApiTestTokens.ProblemAsync(elsewhere, 401);
    }
}
