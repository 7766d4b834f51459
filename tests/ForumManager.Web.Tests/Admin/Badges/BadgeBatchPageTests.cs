using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Badges;
using ForumManager.Core.Forums;
using ForumManager.Documents.Badges;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Admin.Badges;

/// <summary>The instance under test looks for batches queued elsewhere every 0.3 s.</summary>
public sealed class BadgeBatchAppFixture : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Badges:PollSeconds"] = "0.3", ["Badges:ClaimSeconds"] = "5" };
}

/// <summary>
/// The batch page, its status and its PDF read from the database, so that this instance serves batches another
/// instance queued, is making, made or gave up; only organizers, and only for the current forum.
/// </summary>
public sealed class BadgeBatchPageTests(BadgeBatchAppFixture app) : IClassFixture<BadgeBatchAppFixture>
{
    /// <summary>A batch as another instance wrote it, straight into the database.</summary>
    private Task<Guid> InsertAsync(BadgeBatchState state, IReadOnlyList<int> ids, int done = 0, string? error = null, byte[]? pdf = null, int? forumId = null) =>
        app.WithDbAsync(async db =>
        {
            var job = new BadgeBatchJob
            {
                Id = Guid.NewGuid(), ForumId = forumId ?? await CurrentForumAsync(db), DelegateIds = BadgeBatchJob.JoinIds(ids), Layout = (int)BadgeLayout.A6,
                RequestedBy = "other-instance@example.org", CreatedUtc = DateTime.UtcNow, State = state, Total = ids.Count, Done = done, Error = error,
                ClaimedBy = state == BadgeBatchState.Running ? "other-instance" : null,
                ClaimedUntilUtc = state == BadgeBatchState.Running ? DateTime.UtcNow.AddMinutes(5) : null,
                Attempts = state switch { BadgeBatchState.Queued => 0, BadgeBatchState.Failed => 3, _ => 1 },
            };
            db.BadgeBatchJobs.Add(job);
            if (pdf is not null)
            {
                db.BadgeBatchFiles.Add(new BadgeBatchFile { BatchId = job.Id, Content = pdf });
            }

            await db.SaveChangesAsync();
            return job.Id;
        });

    private static Task<int> CurrentForumAsync(Data.ForumDbContext db) => db.Forums.Where(f => f.Acronym == "HISCF2010").Select(f => f.Id).SingleAsync();

    private Task<List<(int Id, string Reference)>> DelegatesAsync() => app.WithDbAsync(async db =>
    {
        var forumId = await CurrentForumAsync(db);
        var rows = await db.Delegates.Where(d => d.ForumId == forumId).OrderBy(d => d.Id).Select(d => new { d.Id, d.Reference }).ToListAsync();
        return rows.Select(r => (r.Id, r.Reference)).ToList();
    });

    private static async Task<JsonElement> StatusAsync(HttpClient client, Guid id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/admin/badges/batch/{id}?handler=Status")).RootElement;

    [Fact]
    public async Task Should_make_follow_and_hand_out_a_batch_another_instance_queued()
    {
        var people = await DelegatesAsync();
        Assert.True(people.Count > 40, $"only {people.Count} delegates");
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        // Queued on "another instance": nobody wakes this one, which finds it at its next poll.
        var id = await InsertAsync(BadgeBatchState.Queued, people.Select(p => p.Id).ToList());
        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/badges/batch/{id}");
        var status = await Eventually.ReadAsync(() => StatusAsync(organizer, id), s => s.GetProperty("state").GetString() is "done" or "failed", TimeSpan.FromSeconds(60));
        var download = await organizer.GetAsync($"/admin/badges/batch/{id}?handler=Download");

        Assert.NotNull(page.QuerySelector("[data-testid=batch-progress]"));
        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(people.Count, status.GetProperty("done").GetInt32());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var file = await PdfReadBack.SaveAsync(await download.Content.ReadAsByteArrayAsync(), "batch.pdf");
        await PdfReadBack.AssertValidAsync(file);
        var words = (await PdfReadBack.TextAsync(file)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        foreach (var (_, reference) in people)
        {
            Assert.Equal(1, words.Count(w => w == reference));
        }

        var prints = await app.WithDbAsync(db => db.BadgePrints.Where(p => p.ByName == "other-instance@example.org").GroupBy(p => p.DelegateId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(people.Count, prints.Count);
        Assert.All(prints, count => Assert.Equal(1, count));
        var done = await HtmlForms.GetPageAsync(organizer, $"/admin/badges/batch/{id}");
        Assert.False(done.QuerySelector("[data-testid=batch-download]")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Should_show_the_progress_another_instance_wrote_and_hand_out_the_pdf_it_stored_only_once_done()
    {
        var people = await DelegatesAsync();
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var running = await InsertAsync(BadgeBatchState.Running, people.Take(48).Select(p => p.Id).ToList(), done: 12);
        var stored = "%PDF-1.7 made on the other instance"u8.ToArray();
        var finished = await InsertAsync(BadgeBatchState.Done, people.Take(48).Select(p => p.Id).ToList(), done: 48, pdf: stored);

        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/badges/batch/{running}");
        var status = await StatusAsync(organizer, running);
        var notYet = await organizer.GetAsync($"/admin/badges/batch/{running}?handler=Download");
        var download = await organizer.GetAsync($"/admin/badges/batch/{finished}?handler=Download");

        Assert.Equal("12", page.QuerySelector("[data-testid=batch-progress]")!.GetAttribute("value"));
        Assert.Equal("48", page.QuerySelector("[data-testid=batch-progress]")!.GetAttribute("max"));
        Assert.Contains("12", page.QuerySelector("[data-testid=batch-status]")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelector("[data-testid=batch-download]")!.HasAttribute("hidden"));
        Assert.Equal(("running", 12, 48), (status.GetProperty("state").GetString(), status.GetProperty("done").GetInt32(), status.GetProperty("total").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        Assert.Equal(stored, await download.Content.ReadAsByteArrayAsync());
        var stillRunning = await app.WithDbAsync(db => db.BadgeBatchJobs.SingleAsync(b => b.Id == running));
        Assert.Equal(("other-instance", BadgeBatchState.Running), (stillRunning.ClaimedBy, stillRunning.State));
    }

    [Fact]
    public async Task Should_say_a_batch_failed_with_its_reason_and_make_it_when_the_organizer_tries_again()
    {
        var people = await DelegatesAsync();
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var id = await InsertAsync(BadgeBatchState.Failed, people.Take(44).Select(p => p.Id).ToList(), done: 20, error: "The instance ran out of memory.");
        var url = $"/admin/badges/batch/{id}";

        var page = await HtmlForms.GetPageAsync(organizer, url);
        var download = await organizer.GetAsync(url + "?handler=Download");
        var retried = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string>(), "form[data-testid=batch-retry]");
        var status = await Eventually.ReadAsync(() => StatusAsync(organizer, id), s => s.GetProperty("state").GetString() is "done" or "failed", TimeSpan.FromSeconds(60));

        Assert.False(page.QuerySelector("[data-testid=batch-retry]")!.HasAttribute("hidden"));
        Assert.Contains("three tries", page.QuerySelector("[data-testid=batch-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The instance ran out of memory.", page.QuerySelector("[data-testid=batch-retry]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(("done", 44), (status.GetProperty("state").GetString(), status.GetProperty("done").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync(url + "?handler=Download")).StatusCode);
    }

    [Fact]
    public async Task Should_word_why_a_batch_whose_servers_kept_stopping_was_given_up()
    {
        var people = await DelegatesAsync();
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var id = await InsertAsync(BadgeBatchState.Failed, people.Take(44).Select(p => p.Id).ToList(), done: 20, error: BadgeBatchJob.NeverFinished);

        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/badges/batch/{id}");
        var status = await StatusAsync(organizer, id);

        Assert.Contains("started 3 times and never finished", page.QuerySelector("[data-testid=batch-retry]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("failed", "the batch was started 3 times and never finished: the server making it stopped each time."),
            (status.GetProperty("state").GetString(), status.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Should_not_show_another_forums_batch_nor_anyones_batch_to_a_delegate()
    {
        var people = await DelegatesAsync();
        var otherForum = await app.WithDbAsync(async db =>
        {
            var forum = new Forum
            {
                Acronym = "HISCF2008", NameEn = "2008 forum", NameZh = "2008论坛", PlaceEn = "Changsha", PlaceZh = "长沙", TimeZoneId = "Asia/Shanghai",
                StartDate = new DateOnly(2008, 6, 1), EndDate = new DateOnly(2008, 6, 3), Status = ForumStatus.Archived, CreatedUtc = DateTime.UtcNow,
            };
            db.Forums.Add(forum);
            await db.SaveChangesAsync();
            return forum.Id;
        });
        var pdf = "%PDF-1.7 another forum"u8.ToArray();
        var theirs = await InsertAsync(BadgeBatchState.Done, [people[0].Id], done: 1, pdf: pdf, forumId: otherForum);
        var ours = await InsertAsync(BadgeBatchState.Done, [people[0].Id], done: 1, pdf: pdf);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var delegateClient = await Clients.SignedInAsync(app, Roles.Delegate);

        foreach (var handler in new[] { "", "?handler=Status", "?handler=Download" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync($"/admin/badges/batch/{theirs}{handler}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync($"/admin/badges/batch/{ours}{handler}")).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await delegateClient.GetAsync($"/admin/badges/batch/{ours}{handler}")).StatusCode);
        }
    }
}
