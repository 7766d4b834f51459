using System.Diagnostics;
using ForumManager.Core.Badges;
using ForumManager.Core.Delegates;
using ForumManager.Documents.Badges;
using ForumManager.Features.Badges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Tests.Badges;

/// <summary>
/// Badge batches made by several app instances on one database: each batch by one instance, once; a batch whose
/// instance died finished by another; its badges logged as printed once, whoever made it.
/// </summary>
public sealed class BadgeBatchServiceTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    /// <summary>One app instance's renderer: its own wake-up signal, a short lease and a quick poll.</summary>
    private BadgeBatchService Instance(double claimSeconds = 5) => new(
        _harness.Services.GetRequiredService<IServiceScopeFactory>(),
        new BadgeBatchSignal(),
        Options.Create(new BadgeBatchOptions { PollSeconds = 0.2, ClaimSeconds = claimSeconds }),
        _harness.Clock,
        _harness.Services.GetRequiredService<ILogger<BadgeBatchService>>());

    /// <summary>That many new delegates of the demo forum, each with the reference printed on their badge.</summary>
    private async Task<(int ForumId, List<(int Id, string Reference)> People)> DelegatesAsync(int count) =>
        await _harness.QueryAsync(async db =>
        {
            var forum = await db.Forums.SingleAsync();
            var added = Enumerable.Range(0, count).Select(i => new Delegate
            {
                ForumId = forum.Id, FamilyName = "Okafor", GivenName = $"Adaeze {i}", CountryCode = "NG", Email = $"okafor-{Guid.NewGuid():N}@example.org",
                Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            }).ToList();
            db.Delegates.AddRange(added);
            await db.SaveChangesAsync();
            return (forum.Id, added.Select(d => (d.Id, d.Reference!)).ToList());
        });

    /// <summary>A batch as another instance left it: written straight to the database.</summary>
    private Task<Guid> InsertAsync(int forumId, IEnumerable<int> ids, BadgeBatchState state, string? claimedBy, DateTime? claimedUntil, int attempts, int done = 0, string? rawIds = null) =>
        _harness.QueryAsync(async db =>
        {
            var list = ids.ToList();
            var job = new BadgeBatchJob
            {
                Id = Guid.NewGuid(), ForumId = forumId, DelegateIds = rawIds ?? BadgeBatchJob.JoinIds(list), Layout = (int)BadgeLayout.A4,
                RequestedBy = "organizer@example.org", CreatedUtc = DateTime.UtcNow, State = state, Total = list.Count, Done = done,
                ClaimedBy = claimedBy, ClaimedUntilUtc = claimedUntil, Attempts = attempts,
            };
            db.BadgeBatchJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

    private Task<BadgeBatchJob> JobAsync(Guid id) => _harness.QueryAsync(db => db.BadgeBatchJobs.AsNoTracking().SingleAsync(b => b.Id == id));

    private Task<int> PrintsAsync(IEnumerable<int> ids)
    {
        var list = ids.ToList();
        return _harness.QueryAsync(db => db.BadgePrints.CountAsync(p => list.Contains(p.DelegateId)));
    }

    /// <summary>Asserts that the batch's PDF, read back by pdftotext, holds every person's badge exactly once and nobody else's.</summary>
    private async Task AssertEveryBadgeOnceAsync(Guid id, int forumId, IReadOnlyList<(int Id, string Reference)> people)
    {
        var pdf = await _harness.RunAsync(s => s.GetRequiredService<BadgeBatches>().PdfAsync(forumId, id, CancellationToken.None));
        Assert.NotNull(pdf);
        var file = Path.Combine(_harness.Folder, id.ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var start = new ProcessStartInfo("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var references = words.Where(w => System.Text.RegularExpressions.Regex.IsMatch(w, @"^[A-Z0-9]+-\d{5}$")).ToList();
        Assert.Equal(people.Select(p => p.Reference).Order(), references.Order());
    }

    [Fact]
    public async Task Should_make_each_batch_once_when_two_instances_look_for_work_on_one_database()
    {
        var (forumId, people) = await DelegatesAsync(90);
        var groups = people.Chunk(30).ToList();
        var ids = new List<Guid>();
        foreach (var group in groups)
        {
            ids.Add(await _harness.RunAsync(s => s.GetRequiredService<BadgeBatches>()
                .EnqueueAsync(forumId, group.Select(p => p.Id).ToList(), BadgeLayout.A4, "organizer@example.org", CancellationToken.None)));
        }

        var a = Instance();
        var b = Instance();
        await Task.WhenAll(a.StartAsync(CancellationToken.None), b.StartAsync(CancellationToken.None));
        var waited = Stopwatch.StartNew();
        var jobs = await _harness.QueryAsync(db => db.BadgeBatchJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync());
        while (!jobs.All(j => j.State is BadgeBatchState.Done or BadgeBatchState.Failed) && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200);
            jobs = await _harness.QueryAsync(db => db.BadgeBatchJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync());
        }

        await Task.WhenAll(a.StopAsync(CancellationToken.None), b.StopAsync(CancellationToken.None));

        Assert.All(jobs, j => Assert.Equal(BadgeBatchState.Done, j.State));
        Assert.All(jobs, j => Assert.Equal(1, j.Attempts));
        Assert.All(jobs, j => Assert.Equal(30, j.Done));
        Assert.Equal(90, await PrintsAsync(people.Select(p => p.Id)));
        for (var i = 0; i < ids.Count; i++)
        {
            await AssertEveryBadgeOnceAsync(ids[i], forumId, groups[i]);
        }
    }

    [Fact]
    public async Task Should_write_progress_while_drawing_and_keep_its_claim_past_the_lease_while_another_instance_watches()
    {
        var (forumId, people) = await DelegatesAsync(600);
        var id = await InsertAsync(forumId, people.Select(p => p.Id), BadgeBatchState.Queued, null, null, attempts: 0);
        var a = Instance(claimSeconds: 2);
        var b = Instance(claimSeconds: 2);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(a.StartAsync(CancellationToken.None), b.StartAsync(CancellationToken.None));
        var seen = new List<int>();
        BadgeBatchJob job;
        do
        {
            await Task.Delay(50);
            job = await JobAsync(id);
            if (job.State == BadgeBatchState.Running)
            {
                seen.Add(job.Done);
            }
        }
        while (job.State is BadgeBatchState.Queued or BadgeBatchState.Running && clock.Elapsed < TimeSpan.FromSeconds(120));
        var took = clock.Elapsed;
        await Task.WhenAll(a.StopAsync(CancellationToken.None), b.StopAsync(CancellationToken.None));

        Assert.Equal((BadgeBatchState.Done, 1, 600), (job.State, job.Attempts, job.Done));
        Assert.True(took > TimeSpan.FromSeconds(2.2), $"made in {took}: too quick to show that the lease of 2 s was renewed");
        Assert.Contains(seen, done => done is > 0 and < 600);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(600, await PrintsAsync(people.Select(p => p.Id)));
    }

    [Fact]
    public async Task Should_finish_a_batch_whose_instance_died_and_leave_a_batch_whose_instance_lives()
    {
        var (forumId, people) = await DelegatesAsync(44);
        var now = DateTime.UtcNow;
        var dead = await InsertAsync(forumId, people.Take(24).Select(p => p.Id), BadgeBatchState.Running, "dead-instance", now.AddSeconds(-1), attempts: 1, done: 12);
        var alive = await InsertAsync(forumId, people.Skip(24).Select(p => p.Id), BadgeBatchState.Running, "live-instance", now.AddMinutes(1), attempts: 1, done: 4);
        var other = Instance();

        var tookOne = await other.RunNextAsync(CancellationToken.None);
        var tookAnother = await other.RunNextAsync(CancellationToken.None);

        Assert.True(tookOne);
        Assert.False(tookAnother);
        var finished = await JobAsync(dead);
        Assert.Equal(BadgeBatchState.Done, finished.State);
        Assert.Equal(2, finished.Attempts);
        Assert.Equal(24, finished.Done);
        Assert.NotEqual("dead-instance", finished.ClaimedBy);
        await AssertEveryBadgeOnceAsync(dead, forumId, people.Take(24).ToList());
        Assert.Equal(24, await PrintsAsync(people.Select(p => p.Id)));
        var untouched = await JobAsync(alive);
        Assert.Equal((BadgeBatchState.Running, "live-instance", 4, 1), (untouched.State, untouched.ClaimedBy, untouched.Done, untouched.Attempts));
    }

    [Fact]
    public async Task Should_drop_the_work_of_an_instance_that_lost_its_claim_so_the_badges_are_logged_once()
    {
        var (forumId, people) = await DelegatesAsync(20);
        var id = await InsertAsync(forumId, people.Select(p => p.Id), BadgeBatchState.Queued, null, null, attempts: 0);
        var slow = Instance();
        var quick = Instance();

        var claimed = await slow.ClaimAsync(CancellationToken.None);
        Assert.NotNull(claimed);
        await _harness.QueryAsync(db => db.BadgeBatchJobs.Where(b => b.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimedUntilUtc, DateTime.UtcNow.AddSeconds(-1))));
        Assert.True(await quick.RunNextAsync(CancellationToken.None));
        await slow.MakeAsync(claimed.Value.Id, claimed.Value.Claim, CancellationToken.None);

        var job = await JobAsync(id);
        Assert.Equal((BadgeBatchState.Done, 2), (job.State, job.Attempts));
        Assert.Equal(20, await PrintsAsync(people.Select(p => p.Id)));
        Assert.Equal(1, await _harness.QueryAsync(db => db.BadgeBatchFiles.CountAsync(f => f.BatchId == id)));
        await AssertEveryBadgeOnceAsync(id, forumId, people);
    }

    [Fact]
    public async Task Should_give_up_after_three_tries_with_the_reason_and_make_the_batch_when_asked_again()
    {
        var (forumId, people) = await DelegatesAsync(10);
        var broken = await InsertAsync(forumId, people.Select(p => p.Id), BadgeBatchState.Queued, null, null, attempts: 0, rawIds: "12,x");
        var abandoned = await InsertAsync(forumId, people.Select(p => p.Id), BadgeBatchState.Running, "dead-instance", DateTime.UtcNow.AddSeconds(-1), attempts: 3, done: 5);
        var instance = Instance();

        while (await instance.RunNextAsync(CancellationToken.None))
        {
        }

        var failed = await JobAsync(broken);
        Assert.Equal((BadgeBatchState.Failed, 3), (failed.State, failed.Attempts));
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
        var gaveUp = await JobAsync(abandoned);
        Assert.Equal(BadgeBatchState.Failed, gaveUp.State);
        Assert.Equal(BadgeBatchJob.NeverFinished, gaveUp.Error);
        Assert.Null(await _harness.RunAsync(s => s.GetRequiredService<BadgeBatches>().PdfAsync(forumId, abandoned, CancellationToken.None)));

        var retried = await _harness.RunAsync(s => s.GetRequiredService<BadgeBatches>().RetryAsync(forumId, abandoned, CancellationToken.None));
        Assert.True(retried);
        Assert.True(await instance.RunNextAsync(CancellationToken.None));
        Assert.Equal((BadgeBatchState.Done, 1), await JobAsync(abandoned).ContinueWith(t => (t.Result.State, t.Result.Attempts)));
        await AssertEveryBadgeOnceAsync(abandoned, forumId, people);
    }

    [Fact]
    public async Task Should_delete_batches_and_their_pdf_after_a_day()
    {
        var (forumId, people) = await DelegatesAsync(10);
        var old = await InsertAsync(forumId, people.Select(p => p.Id), BadgeBatchState.Queued, null, null, attempts: 0);
        var instance = Instance();
        Assert.True(await instance.RunNextAsync(CancellationToken.None));
        var fresh = await InsertAsync(forumId, people.Select(p => p.Id), BadgeBatchState.Queued, null, null, attempts: 0);
        await _harness.QueryAsync(db => db.BadgeBatchJobs.Where(b => b.Id == old).ExecuteUpdateAsync(s => s.SetProperty(b => b.CreatedUtc, DateTime.UtcNow.AddHours(-25))));

        await instance.DeleteOldAsync(CancellationToken.None);

        Assert.Equal([fresh], await _harness.QueryAsync(db => db.BadgeBatchJobs.Select(b => b.Id).ToListAsync()));
        Assert.Equal(0, await _harness.QueryAsync(db => db.BadgeBatchFiles.CountAsync()));
    }
}
