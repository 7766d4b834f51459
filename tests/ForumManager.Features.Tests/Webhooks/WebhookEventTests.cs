using System.Text.Json;
using ForumManager.Core.Delegates;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Features.Tests.Webhooks;

/// <summary>Events are written by the change they tell of, in its transaction: a change rolled back tells nothing.</summary>
public sealed class WebhookEventTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    private Task<List<WebhookEvent>> EventsOfAsync(int delegateId) => _harness.QueryAsync(async db =>
        (await db.WebhookEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync())
        .Where(e => JsonDocument.Parse(e.Data).RootElement.TryGetProperty("delegateId", out var id) && id.GetInt32() == delegateId)
        .ToList());

    private Task<int> SubmittedAsync() =>
        _harness.QueryAsync(db => db.Delegates.Where(d => d.Status == RegistrationStatus.Submitted).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());

    [Fact]
    public async Task Should_write_no_event_for_an_approval_rolled_back_and_one_for_an_approval_committed()
    {
        var id = await SubmittedAsync();
        var before = await EventsOfAsync(id);

        await _harness.RunAsync(async services =>
        {
            var db = services.GetRequiredService<ForumDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var record = await db.Delegates.SingleAsync(d => d.Id == id);
            record.Status = RegistrationStatus.Approved;
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        Assert.Equal(before.Count, (await EventsOfAsync(id)).Count);

        await _harness.RunAsync(async services =>
        {
            var db = services.GetRequiredService<ForumDbContext>();
            (await db.Delegates.SingleAsync(d => d.Id == id)).Status = RegistrationStatus.Approved;
            return await db.SaveChangesAsync();
        });

        var written = Assert.Single((await EventsOfAsync(id)).Skip(before.Count));
        Assert.Equal(WebhookEvents.RegistrationApproved, written.Type);
        var data = JsonDocument.Parse(written.Data).RootElement;
        var record = await _harness.QueryAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(record.Reference, data.GetProperty("reference").GetString());
        Assert.Equal("approved", data.GetProperty("status").GetString());
        Assert.Equal(record.ChangeSeq, data.GetProperty("changeSeq").GetInt64());
        Assert.Equal(["changeSeq", "delegateId", "delegationId", "reference", "status"], data.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Should_tell_a_change_of_contact_as_delegate_changed_and_a_new_stamp_alone_as_nothing()
    {
        var id = await SubmittedAsync();
        var before = (await EventsOfAsync(id)).Count;

        await _harness.QueryAsync(async db =>
        {
            (await db.Delegates.SingleAsync(d => d.Id == id)).UpdatedUtc = DateTime.UtcNow.AddMinutes(1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before, (await EventsOfAsync(id)).Count);

        await _harness.QueryAsync(async db =>
        {
            (await db.Delegates.SingleAsync(d => d.Id == id)).Phone = "+86 731 8888 0000";
            return await db.SaveChangesAsync();
        });
        var changed = Assert.Single((await EventsOfAsync(id)).Skip(before));
        Assert.Equal(WebhookEvents.DelegateChanged, changed.Type);
        Assert.DoesNotContain("8888", changed.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_tell_a_new_registration_with_its_reference_and_a_programme_release()
    {
        var forum = await _harness.ForumAsync();
        var id = await _harness.QueryAsync(async db =>
        {
            var record = new Core.Delegates.Delegate
            {
                ForumId = forum.Id, FamilyName = "Okafor", GivenName = "Ada", CountryCode = "NG", Email = $"ada-{Guid.NewGuid():N}@example.org",
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });

        var created = Assert.Single(await EventsOfAsync(id));
        Assert.Equal(WebhookEvents.RegistrationCreated, created.Type);
        Assert.StartsWith(forum.Acronym, JsonDocument.Parse(created.Data).RootElement.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.True(await _harness.QueryAsync(db => db.WebhookEvents.AnyAsync(e => e.Type == WebhookEvents.ProgrammeReleased)));
    }
}
