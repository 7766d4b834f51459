using System.Text.Json;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Integrations;
using ForumManager.Core.Logistics;
using ForumManager.Features.Logistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Features.Tests.Webhooks;

/// <summary>A room given (a tracked insert) and given up (an ExecuteDelete) are both told, each with its change.</summary>
public sealed class RoomEventTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Should_tell_a_room_allocated_and_a_room_given_up()
    {
        var forum = await _harness.ForumAsync();
        var (blockId, delegateId) = await _harness.QueryAsync(async db =>
        {
            var hotel = new Hotel { ForumId = forum.Id, NameEn = "Bench Hotel", NameZh = "测试酒店" };
            var block = new RoomBlock
            {
                ForumId = forum.Id, Hotel = hotel, Type = RoomType.Single, Rooms = 5,
                FirstNight = forum.StartDate.AddDays(-1), LastNight = forum.StartDate.AddDays(1),
            };
            db.RoomBlocks.Add(block);
            await db.SaveChangesAsync();
            var person = await db.Delegates.Where(d => d.Status == RegistrationStatus.Approved).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            return (block.Id, person);
        });

        var placed = await _harness.RunAsync(s => s.GetRequiredService<RoomAllocations>().PlaceInNewRoomAsync(forum.Id, delegateId, blockId, Actor.System, CancellationToken.None));
        await _harness.RunAsync(async s =>
        {
            await s.GetRequiredService<RoomAllocations>().VacateAsync(forum.Id, delegateId, Actor.System, CancellationToken.None);
            return 0;
        });

        Assert.Equal(PlaceOutcome.Placed, placed);
        var told = await _harness.QueryAsync(async db => (await db.WebhookEvents.AsNoTracking().Where(e => e.Type.StartsWith("room.")).OrderBy(e => e.Id).ToListAsync())
            .Where(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("delegateId").GetInt32() == delegateId).ToList());
        Assert.Equal([WebhookEvents.RoomAllocated, WebhookEvents.RoomChanged], told.Select(e => e.Type));
        Assert.NotEqual(JsonValueKind.Null, JsonDocument.Parse(told[0].Data).RootElement.GetProperty("hotelRoomId").ValueKind);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(told[1].Data).RootElement.GetProperty("hotelRoomId").ValueKind);
    }
}
