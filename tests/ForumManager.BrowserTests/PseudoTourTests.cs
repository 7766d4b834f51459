using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>
/// The pseudo-locale pass of the tour: every HTML page of the page table, read in qps-Ploc by the person it is for,
/// shows no word that did not go through the localizer (<see cref="PseudoText"/> tells which words are data), and still
/// neither scrolls sideways nor cuts text off at 1280 and 375 px with strings a third longer. Axe and the HTML checker
/// are not run again (the main pass runs them on the same markup). Pictures at 375 px go to <c>tour-pseudo/</c>, with the
/// values taken for data (<c>data.txt</c>).
/// </summary>
public sealed partial class PageTourTests
{
    [Fact]
    public async Task Should_show_no_text_outside_the_resources_in_the_pseudo_locale()
    {
        var pageChecks = await File.ReadAllTextAsync(Path.Combine(WebChecks.Folder(), "page-checks.js"));
        var data = await DataTextAsync();
        var detector = new PseudoText(data);
        var shots = Path.Combine(AppContext.BaseDirectory, "tour-pseudo");
        if (Directory.Exists(shots))
        {
            Directory.Delete(shots, recursive: true);
        }

        Directory.CreateDirectory(shots);
        // What the pass took for data, to look at when it lets a word through.
        await File.WriteAllLinesAsync(Path.Combine(shots, "data.txt"), data.Distinct().Order(StringComparer.Ordinal));
        foreach (var visitor in Stops.Select(s => s.Value.Visitor).Distinct())
        {
            await tour.ContextAsync(visitor, TourFixture.Pseudo);
        }

        // Two tabs side by side, each with every other page; a visitor's pages go one after the other in its tab.
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentBag<string>();
        var halves = Stops.Select((stop, i) => (stop, i)).GroupBy(s => s.i % 2, s => s.stop).ToList();
        await Task.WhenAll(halves.Select(half => PassAsync(half.ToList())));

        async Task PassAsync(List<KeyValuePair<string, (Visitor Visitor, string Url)>> stops)
        {
            foreach (var group in stops.GroupBy(s => s.Value.Visitor))
            {
                var page = await (await tour.ContextAsync(group.Key, TourFixture.Pseudo)).NewPageAsync();
                foreach (var (route, (visitor, template)) in group)
                {
                    var url = tour.Ids.Aggregate(template, (u, id) => u.Replace(id.Key, id.Value, StringComparison.Ordinal));
                    var where = $"{url} as {visitor.ToString().ToLowerInvariant()} in qps-Ploc";
                    await page.SetViewportSizeAsync(Viewports[0].Width, Viewports[0].Height);
                    var response = await page.GotoAsync(url);
                    if (response is null || response.Status != Statuses.GetValueOrDefault(route, 200))
                    {
                        failures.Add($"[{where}] did not show its page: {response?.Status}");
                        continue;
                    }

                    await ReadAsync(page, where);

                    foreach (var (_, width, height) in Viewports)
                    {
                        if (width != Viewports[0].Width)
                        {
                            await page.SetViewportSizeAsync(width, height);
                            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
                        }

                        foreach (var problem in await page.EvaluateAsync<string[]>(pageChecks))
                        {
                            failures.Add($"[{where} at {width}px] {problem}");
                        }
                    }

                    // The phone's first two screens, where the longer strings crowd most.
                    await page.SetViewportSizeAsync(Viewports[^1].Width, Viewports[^1].Height * 2);
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{Slug(visitor, url)}-qps-375.png") });
                }

                // A form sent empty: the messages of its fields (data annotations, model binding) come through the localizer too.
                foreach (var (url, form) in EmptyForms.Where(f => stops.Any(s => s.Value.Url == f.Key && s.Value.Visitor == group.Key)))
                {
                    await page.SetViewportSizeAsync(Viewports[^1].Width, Viewports[^1].Height);
                    await page.GotoAsync(url);
                    // The page that answers the post is a new document: the form's page is marked, and the wait is for a page without the mark.
                    await page.Locator(form).EvaluateAsync("form => { window.pseudoSent = true; form.noValidate = true; setTimeout(() => form.requestSubmit()); }");
                    await page.WaitForFunctionAsync("() => !window.pseudoSent && document.readyState === 'complete'");
                    var errors = await page.Locator(".field-error:not(:empty), .validation-summary-errors li").AllInnerTextsAsync();
                    if (errors.Count == 0)
                    {
                        failures.Add($"[{url} sent empty in qps-Ploc] showed no message beside its fields");
                    }

                    await ReadAsync(page, $"{url} sent empty in qps-Ploc");
                    foreach (var problem in await page.EvaluateAsync<string[]>(pageChecks))
                    {
                        failures.Add($"[{url} sent empty in qps-Ploc at {Viewports[^1].Width}px] {problem}");
                    }

                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{Slug(group.Key, url)}-sent-empty-qps-375.png"), FullPage = true });
                }

                await page.CloseAsync();
            }
        }

        // The words of the page that did not come from the resources, each with its element.
        async Task ReadAsync(IPage page, string where)
        {
            foreach (var (text, element) in (await page.EvaluateAsync<string[]>(TextsRun)).Select(t => t.Split('\u0001')).Select(t => (t[0], t[1])))
            {
                if (detector.EnglishWords(text) is { Count: > 0 } words)
                {
                    failures.Add($"[{where}] not from the resources: {string.Join(' ', words)} — in {element} \"{(text.Length > 120 ? text[..120] + "…" : text)}\"");
                }
            }
        }

        output.WriteLine($"The pseudo-locale pass took {clock.Elapsed.TotalSeconds:0}s; pictures at 375 px in {shots}.");
        var sorted = failures.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(sorted.Count == 0, $"{sorted.Count} problems in the pseudo-locale (pictures in {shots}):{Environment.NewLine}{string.Join(Environment.NewLine, sorted)}");
    }

    /// <summary>Forms the pass also sends empty, by the URL of their page (a stop of the tour), and the form's selector.</summary>
    private static readonly Dictionary<string, string> EmptyForms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/register"] = "[data-testid=registration-form]",
        ["/Identity/Account/Login"] = "main form[method=post]",
        ["/Identity/Account/ForgotPassword"] = "main form[method=post]",
    };

    /// <summary>
    /// Every value the forum's database holds as free text (names, addresses, references, what organizers wrote), and the
    /// reference list of countries with their English names (ISO 3166, as the database). Columns of enumerations are left out (their English
    /// member names are not text for a reader: the page must name them through the resources), and so are the accounts'
    /// tables (the roles' names are the app's words).
    /// </summary>
    private async Task<List<string>> DataTextAsync()
    {
        await using var scope = tour.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var values = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is { } table && !table.StartsWith("AspNet", StringComparison.Ordinal) && !e.IsOwned()))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT DISTINCT \"{property.GetColumnName()}\" FROM \"{entity.GetTableName()}\" WHERE length(\"{property.GetColumnName()}\") BETWEEN 2 AND 4000";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    values.Add(reader.GetString(0));
                }
            }
        }

        values.AddRange(Core.Registration.Countries.All.Select(c => c.NameEn));
        return values;
    }

    /// <summary>
    /// The page's text nodes, its title and the attributes a reader or a screen reader meets (title, aria-label,
    /// placeholder, alt, a button's value), each with its element; nothing under <c>translate="no"</c>.
    /// </summary>
    private const string TextsRun = """
        () => {
          // Not the app's words: code and the values a form field holds (what the person edits), what is marked as a name or a
          // code (translate="no"), and what is marked as written in a language of its own (lang, as an English OpenAPI summary
          // or a language's own name).
          const skip = 'script, style, template, noscript, textarea, code, kbd, samp, pre, [translate="no"]';
          const own = element => element.closest(skip) || element.closest('[lang]') !== document.documentElement;
          const found = new Map();
          const name = element => element.localName + (element.id ? '#' + element.id : '')
            + (typeof element.className === 'string' && element.className.trim() ? '.' + element.className.trim().split(/\s+/).join('.') : '');
          const add = (value, element, what) => {
            const text = (value ?? '').replace(/\s+/g, ' ').trim();
            if (text && !found.has(text)) {
              found.set(text, what + (element.parentElement ? name(element.parentElement) + ' > ' : '') + name(element));
            }
          };
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!own(node.parentElement)) {
              add(node.nodeValue, node.parentElement, '');
            }
          }
          for (const element of document.querySelectorAll('[title], [aria-label], [placeholder], [alt], input[type=submit][value], input[type=button][value]')) {
            if (own(element)) {
              continue;
            }
            for (const attribute of ['title', 'aria-label', 'placeholder', 'alt', 'value']) {
              if (element.hasAttribute(attribute) && (attribute !== 'value' || element.localName === 'input')) {
                add(element.getAttribute(attribute), element, `@${attribute} of `);
              }
            }
          }
          add(document.title, document.documentElement, '<title> of ');
          return [...found].map(([text, where]) => text + '\u0001' + where);
        }
        """;
}
