using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Features.Text;
using ForumManager.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests;

/// <summary>An app of its own (the forms below change its data freely) that keeps the errors it logs, to name them.</summary>
public sealed class MalformedFormsAppFixture : ForumAppFactory
{
    public ConcurrentQueue<string> Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCollector(Errors)));
    }

    /// <summary>The last error logged since the last call, as "Exception: message at the app's own frame".</summary>
    public string LastError()
    {
        var last = string.Empty;
        while (Errors.TryDequeue(out var error))
        {
            last = error;
        }

        return last;
    }

    internal static string Shorten(string value) => value.Length > 120 ? value[..120] + "…" : value;

    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && logLevel >= LogLevel.Error)
            {
                var at = exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("ForumManager", StringComparison.Ordinal))?.Trim();
                errors.Enqueue($"{exception.GetType().Name}: {Shorten(exception.Message.Split('\n')[0])} {at}");
            }
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>
/// What an outside attack test does: every form of every page (the pages of <see cref="PageAuthorizationTests"/>,
/// each opened by someone allowed to) is sent with a malformed value in each of its fields in turn, then in all its
/// fields of a kind at once; every link with a query string likewise. Bad input gets a 400 or the page back with a
/// message: never a server error.
/// </summary>
public sealed class MalformedFormsTests(MalformedFormsAppFixture app) : IClassFixture<MalformedFormsAppFixture>
{
    private const string Day = "2010-06-22";

    /// <summary>What every field is sent; <c>null</c> leaves the field out.</summary>
    private static readonly (string Name, string? Value)[] Anything =
    [
        ("missing", null), ("empty", string.Empty), ("not a boolean", "x"), ("huge number", "99999999999999999999"), ("negative", "-1"),
        ("100,000 characters", new string('a', 100_000)),
    ];

    /// <summary>What fields that take a number, a choice or an id are sent besides.</summary>
    private static readonly (string Name, string? Value)[] Numbers =
    [
        ("int overflow", "2147483648"), ("long overflow", "9223372036854775808"), ("decimal overflow", "79228162514264337593543950336"),
        ("huge negative", "-99999999999999999999"), ("NaN", "NaN"), ("Infinity", "Infinity"), ("invalid enum", "999"),
    ];

    /// <summary>What fields that take a date or a time are sent besides.</summary>
    private static readonly (string Name, string? Value)[] Dates =
    [
        ("last date", "9999-12-31"), ("first date", "0001-01-01"), ("last instant", "9999-12-31T23:59"), ("first instant", "0001-01-01T00:00"),
        ("end of day", "23:59:59.9999999"),
    ];

    /// <summary>
    /// Pages whose forms take away what the rest needs (a clone the organizer then works on, the delegate's own
    /// registration, roles, the account itself) are sent last, in this order. Before them, pages go by role, so that
    /// the delegate's forms are sent before an organizer's settings close registration or editing.
    /// </summary>
    private static readonly string[] Last = ["/admin/editions", "/me", "/admin/users", "/Identity/Account/Manage"];

    /// <summary>The forms where the outside test found server errors, which must be among those sent.</summary>
    private static readonly string[] MustBeSent =
    [
        "POST /me/edit", "POST /admin/delegates/edit/#", "POST /admin/settings", "POST /admin/programme/session", "POST /admin/questions",
        "POST /admin/notices/send", "GET /admin/visa-letters", "GET /admin/badges", "POST /admin/hotels", "POST /Identity/Account/Login",
    ];

    /// <summary>What a field takes, as far as its markup or its value tells.</summary>
    [Flags]
    private enum Kind
    {
        Text = 0,
        Number = 1,
        Date = 2,
    }

    [Fact]
    public async Task Should_never_answer_a_malformed_value_in_any_form_or_filter_with_a_server_error()
    {
        var world = await PrepareAsync();
        var visits = PageAuthorizationTests.PageUrls.Select(p => (p.Access, Url: world.Urls.GetValueOrDefault(p.Url, p.Url))).Concat(world.Extra)
            .OrderBy(v => Array.FindIndex(Last, last => last == "/me" ? v.Url == last : v.Url.StartsWith(last, StringComparison.OrdinalIgnoreCase)))
            .ThenBy(v => v.Access)
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var requests = 0;

        foreach (var (access, url) in visits)
        {
            var client = world.Clients[access];
            var response = await client.GetAsync(url);
            requests++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"GET {url} as {access} → {(int)response.StatusCode} {app.LastError()}");
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            foreach (var target in Targets(await HtmlForms.ParseAsync(response), url, world.Narrower).Where(t => seen.Add(t.Signature)))
            {
                foreach (var (fields, tries) in target.Breakages())
                {
                    var broken = new List<string>();
                    var error = string.Empty;
                    foreach (var (name, value) in tries)
                    {
                        var sent = await target.SendAsync(client, fields, value);
                        requests++;
                        if ((int)sent.StatusCode >= 500)
                        {
                            broken.Add(name);
                            error = $"{(int)sent.StatusCode} {app.LastError()}";
                        }
                    }

                    if (broken.Count > 0)
                    {
                        failures.Add($"{target.Method} {MalformedFormsAppFixture.Shorten(target.Action)} as {access}: {string.Join(", ", fields)} = {string.Join(", ", broken)} → {error}");
                    }
                }
            }
        }

        var unsent = MustBeSent.Where(form => !seen.Any(s => s.StartsWith(form + " ", StringComparison.Ordinal))).ToList();
        Assert.True(unsent.Count == 0, $"Forms not found, so not sent: {string.Join(", ", unsent)}");
        Assert.True(requests > 3_000, $"Only {requests} requests were sent: the pages' forms were not found.");
        Assert.True(failures.Count == 0, $"{failures.Count} fields answered a server error ({requests} requests):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>Each form on the page (once per button that sends it elsewhere) and each link with a query string.</summary>
    private static IEnumerable<Target> Targets(IHtmlDocument page, string pageUrl, IReadOnlyDictionary<string, string> narrower)
    {
        foreach (var form in page.Forms)
        {
            var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
            if (action.Contains("/Logout", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var method = string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase) ? "POST" : "GET";
            var buttons = form.Elements.OfType<IHtmlButtonElement>().Where(b => b.Type == "submit").ToList();
            foreach (var to in buttons.Select(b => b.GetAttribute("formaction") is { Length: > 0 } a ? a : action).DefaultIfEmpty(action).Distinct())
            {
                var values = HtmlForms.DefaultValues(form).Select(v => narrower.TryGetValue(v.Key, out var narrow) ? new(v.Key, narrow) : v).ToList();
                if (buttons.FirstOrDefault(b => (b.GetAttribute("formaction") ?? action) == to && !string.IsNullOrEmpty(b.Name)) is { } pressed)
                {
                    values.Add(new(pressed.Name!, pressed.Value));
                }

                yield return new Target(method, to, values, form);
            }
        }

        foreach (var link in page.QuerySelectorAll("a[href*='?']").Select(a => a.GetAttribute("href")!).Where(h => h.StartsWith('/')))
        {
            yield return new Target("GET", link, [], null);
        }
    }

    private static Kind KindOf(IHtmlFormElement? form, string name, string value) =>
        form?.Elements.FirstOrDefault(e => e.GetAttribute("name") == name) switch
        {
            IHtmlInputElement { Type: "date" or "datetime-local" or "time" or "month" or "week" } => Kind.Date,
            IHtmlInputElement { Type: "number" or "range" or "radio" } => Kind.Number,
            IHtmlInputElement { Type: "checkbox" } => Kind.Text,
            IHtmlSelectElement select => select.Options.Select(o => KindOf(o.Value)).Aggregate(Kind.Number, (a, b) => a | b),
            IHtmlInputElement { Type: "hidden" } => Kind.Number | KindOf(value),
            null => value.Length == 0 ? Kind.Number | Kind.Date : KindOf(value),
            _ => KindOf(value),
        };

    private static Kind KindOf(string value) =>
        Regex.IsMatch(value, "^-?[0-9]+([.,][0-9]+)?$") ? Kind.Number
        : Regex.IsMatch(value, "^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}:[0-9]{2})") ? Kind.Date
        : Kind.Text;

    /// <summary>A form's submission (or a link), its values as the page gave them, and the fields to break.</summary>
    private sealed class Target
    {
        private readonly string path;
        private readonly List<KeyValuePair<string, string>> query;
        private readonly List<KeyValuePair<string, string>> form;
        private readonly IReadOnlyList<string> fields;
        private readonly Dictionary<string, Kind> kinds;

        public Target(string method, string action, List<KeyValuePair<string, string>> values, IHtmlFormElement? element)
        {
            Method = method;
            Action = action;
            var parts = action.Split('?', 2);
            path = parts[0];
            query = parts.Length > 1 ? Parse(parts[1]) : [];
            form = method == "GET" ? [] : values;
            if (method == "GET")
            {
                query = [.. query.Where(q => values.All(v => v.Key != q.Key)), .. values];
            }

            var all = query.Concat(form).ToList();
            fields = all.Select(f => f.Key).Where(k => k is not ("__RequestVerificationToken" or "handler")).Distinct().ToList();
            kinds = fields.ToDictionary(f => f, f => KindOf(element, f, all.First(v => v.Key == f).Value));
            var handler = query.FirstOrDefault(q => q.Key == "handler").Value;
            Signature = $"{method} {Regex.Replace(path, "[0-9]+", "#")} {handler} {string.Join(',', fields.Order(StringComparer.Ordinal))}";
        }

        public string Method { get; }

        public string Action { get; }

        /// <summary>The same form on every row of a list is sent once.</summary>
        public string Signature { get; }

        /// <summary>Each field alone with every value for its kind, then all the fields of a kind at once with that kind's values.</summary>
        public IEnumerable<(IReadOnlyList<string> Fields, IEnumerable<(string Name, string? Value)> Tries)> Breakages()
        {
            foreach (var field in fields)
            {
                var kind = kinds[field];
                yield return ([field], Anything.Concat(kind.HasFlag(Kind.Number) ? Numbers : []).Concat(kind.HasFlag(Kind.Date) ? Dates : []));
            }

            foreach (var (kind, tries) in new[] { (Kind.Number, Numbers), (Kind.Date, Dates) })
            {
                var together = fields.Where(f => kinds[f].HasFlag(kind)).ToList();
                if (together.Count > 1)
                {
                    yield return (together, tries);
                }
            }
        }

        public Task<HttpResponseMessage> SendAsync(HttpClient client, IReadOnlyList<string> broken, string? value)
        {
            var url = path + "?" + string.Join('&', Replace(query, broken, value).Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
            return Method == "GET" ? client.GetAsync(url) : client.PostAsync(url, new FormUrlEncodedContent(Replace(form, broken, value)));
        }

        private static List<KeyValuePair<string, string>> Replace(List<KeyValuePair<string, string>> values, IReadOnlyList<string> broken, string? value)
        {
            var kept = values.Where(v => !broken.Contains(v.Key)).ToList();
            if (value is not null)
            {
                kept.AddRange(broken.Where(b => values.Any(v => v.Key == b)).Select(b => new KeyValuePair<string, string>(b, value)));
            }

            return kept;
        }

        private static List<KeyValuePair<string, string>> Parse(string query) =>
            query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .Select(p => new KeyValuePair<string, string>(WebUtility.UrlDecode(p[0]), p.Length > 1 ? WebUtility.UrlDecode(p[1]) : string.Empty))
                .ToList();
    }

    /// <summary>
    /// A forum with something on every page: rooms allocated, the first forum day's arrivals in waves, a head of
    /// delegation with a member, signed in; one client per kind of visitor.
    /// </summary>
    private async Task<World> PrepareAsync()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var allocated = await HtmlForms.SubmitAsync(organizer, "/admin/hotels", new Dictionary<string, string>(), "form[action*=Allocate]");
        Assert.Equal(HttpStatusCode.Redirect, allocated.StatusCode);
        var planned = await HtmlForms.SubmitAsync(organizer, $"/admin/transfers?day={Day}", new Dictionary<string, string> { ["Window"] = "60" }, "[data-testid=plan-form]");
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);

        var headEmail = await app.CreateUserAsync(Roles.Delegate);
        var (headId, delegationId) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var delegation = new Delegation { ForumId = forumId, NameEn = "Delegation of Rabat", NameZh = "拉巴特代表团", CountryCode = "MA", Quota = 5 };
            db.Delegations.Add(delegation);
            await db.SaveChangesAsync();
            var head = new Delegate
            {
                ForumId = forumId, DelegationId = delegation.Id, UserId = await db.Users.Where(u => u.Email == headEmail).Select(u => u.Id).SingleAsync(),
                FamilyName = "El Alaoui", GivenName = "Karim", CountryCode = "MA", Email = headEmail, Category = DelegateCategory.HeadOfDelegation,
                Status = RegistrationStatus.Approved, Gender = Gender.Male, PrecedenceRank = 100, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(head);
            await db.SaveChangesAsync();
            return (head.Id, delegation.Id);
        });
        var head = await Clients.SignInAsync(app, headEmail, ForumAppFactory.Password);
        var added = await MemberForm.AddAsync(head, MemberForm.Valid($"member-{Guid.NewGuid():N}@rabat.example.org", v => v[MemberForm.Position] = "Adviser"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var ids = await app.WithDbAsync(async db => new
        {
            Member = await db.Delegates.Where(d => d.DelegationId == delegationId && d.Id != headId).Select(d => d.Id).SingleAsync(),
            Session = await db.Sessions.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            Hotel = await db.Hotels.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync(),
            Wave = await db.PickupWaves.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync(),
            Traveller = await db.Journeys.OrderBy(j => j.DelegateId).Select(j => j.DelegateId).FirstAsync(),
        });
        var delegation = delegationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        return new World(
            new Dictionary<Access, HttpClient>
            {
                [Access.Anyone] = Clients.Anonymous(app),
                [Access.SignedIn] = head,
                [Access.Delegate] = head,
                [Access.Staff] = await Clients.SignedInAsync(app, Roles.Staff),
                [Access.Organizer] = organizer,
                [Access.Admin] = await Clients.SignedInAsync(app, Roles.Admin),
            },
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["/me/delegation/member/1"] = $"/me/delegation/member/{ids.Member}",
                ["/admin/hotels/1"] = $"/admin/hotels/{ids.Hotel}",
                ["/admin/transfers/wave/1"] = $"/admin/transfers/wave/{ids.Wave}",
                ["/admin/delegates/travel/1"] = $"/admin/delegates/travel/{ids.Traveller}",
                ["/admin/badges"] = $"/admin/badges?Delegation={delegation}",
            },
            [
                (Access.Organizer, $"/admin/programme/session/{ids.Session}"),
                (Access.Organizer, $"/admin/programme/grid?day={Day}"),
                (Access.Organizer, $"/admin/transfers?day={Day}"),
                (Access.Organizer, $"/admin/delegates/details/{ids.Traveller}"),
                (Access.Staff, "/checkin?q=a"),
                (Access.Delegate, $"/agenda/session/{ids.Session}"),
            ],
            // A notice or a batch of badges that goes through is sent or printed for real: to one small delegation, not everyone.
            new Dictionary<string, string> { ["Delegation"] = delegation });
    }

    /// <param name="Clients">Who opens the pages of each row.</param>
    /// <param name="Urls">The rows' URLs with ids that exist in this forum.</param>
    /// <param name="Extra">Pages that show more forms than the rows' URLs do.</param>
    /// <param name="Narrower">Values that forms start from instead of what the page gave.</param>
    private sealed record World(
        Dictionary<Access, HttpClient> Clients,
        Dictionary<string, string> Urls,
        List<(Access Access, string Url)> Extra,
        Dictionary<string, string> Narrower);
}
