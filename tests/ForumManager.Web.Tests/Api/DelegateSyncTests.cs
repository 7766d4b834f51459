using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ForumManager.Core.Auditing;
using ForumManager.Core.Integrations;
using ForumManager.Features.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Web.Tests.Api;

public sealed class DelegateSyncFixture : ApiAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forum:DemoDelegates"] = "300",

        // A thousand edits and the reads between them come faster than a partner's default limit allows.
        ["Api:RequestsPerMinute"] = "100000",
    };
}

/// <summary>
/// A partner's system keeps a copy of the delegates by paging <c>/delegates?changed_since</c> while the organizers (and
/// another client, through PATCH) edit them: it sees each change once and ends with exactly what the database holds.
/// </summary>
public sealed class DelegateSyncTests(DelegateSyncFixture app) : IClassFixture<DelegateSyncFixture>
{
    private const int Edits = 1000;

    private sealed record Copy(long ChangeSeq, string? Position, string? DietaryNeeds);

    [Fact]
    public async Task Should_see_every_change_once_and_end_with_the_databases_state_while_1000_edits_are_made()
    {
        var forumId = await app.WithDbAsync(db => db.Forums.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
        var ids = await app.WithDbAsync(db => db.Delegates.Where(d => d.ForumId == forumId).Select(d => d.Id).ToListAsync());
        Assert.True(ids.Count >= 300);
        var reader = app.Api(forumId, ApiScopes.DelegatesRead);
        var writer = app.Api(forumId, ApiScopes.DelegatesRead, ApiScopes.DelegatesWrite);

        var copy = new Dictionary<int, Copy>();
        var seen = new HashSet<(int, long)>();
        var pages = 0;
        string cursor = "0";
        var editing = Task.Run(() => EditAsync(ids, writer));
        while (true)
        {
            var done = editing.IsCompleted;
            var response = await reader.GetAsync($"/api/v1/delegates?changed_since={cursor}&limit=50");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 0, 50);
            var previous = long.MinValue;
            foreach (var item in items)
            {
                var id = item.GetProperty("id").GetInt32();
                var seq = item.GetProperty("changeSeq").GetInt64();
                Assert.True(seq > previous, "changes come in order");
                previous = seq;
                Assert.True(seen.Add((id, seq)), $"delegate {id} change {seq} was given twice");
                copy[id] = new Copy(seq, item.GetProperty("position").GetString(), item.GetProperty("dietaryNeeds").GetString());
            }

            cursor = page.GetProperty("next").GetString()!;
            pages++;
            if (items.Count == 0 && done)
            {
                break;
            }
        }

        await editing;
        var database = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)
            .ToDictionaryAsync(d => d.Id, d => new Copy(d.ChangeSeq, d.Position, d.DietaryNeeds)));
        Assert.Equal(database.Count, copy.Count);
        foreach (var (id, held) in database)
        {
            Assert.Equal(held, copy[id]);
        }

        var edited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "edited" && (a.UserName == "sync-test" || a.UserName.StartsWith("api:partner ("))));
        Assert.Equal(Edits, edited);
        Assert.True(pages > Edits / 50, $"the client paged {pages} times while the edits were made");
    }

    /// <summary>Edits random delegates: most through the organizer's use case, every fifth through PATCH as another client would.</summary>
    private async Task EditAsync(IReadOnlyList<int> ids, HttpClient writer)
    {
        var random = new Random(19);
        for (var n = 0; n < Edits; n++)
        {
            var id = ids[random.Next(ids.Count)];
            var position = $"Edit {n.ToString(CultureInfo.InvariantCulture)}";
            if (n % 5 == 4)
            {
                var read = await writer.GetAsync($"/api/v1/delegates/{id}");
                var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/delegates/{id}")
                {
                    Content = new StringContent(JsonSerializer.Serialize(new { position, dietaryNeeds = "Vegetarian " + n }), Encoding.UTF8, "application/json"),
                };
                patch.Headers.IfMatch.Add(read.Headers.ETag!);
                var saved = await writer.SendAsync(patch);
                Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
                continue;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForumManager.Data.ForumDbContext>();
            var editor = scope.ServiceProvider.GetRequiredService<DelegateEditor>();
            var questions = scope.ServiceProvider.GetRequiredService<QuestionForm>();
            var record = await db.Delegates.AsNoTracking().SingleAsync(d => d.Id == id);
            var asked = await questions.AskedAsync(record.ForumId, CancellationToken.None);
            var input = DelegateForm.From(record);
            input.Answers = await questions.GivenAsync(asked, id, CancellationToken.None);
            input.Position = position;
            var outcome = await editor.SaveAsync(id, DelegateEditor.Stamp(record), input, asked, _ => { }, new Actor(null, "sync-test"), CancellationToken.None);
            Assert.Equal(EditOutcome.Saved, outcome);
        }
    }
}
