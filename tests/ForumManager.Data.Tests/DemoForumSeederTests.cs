using System.Text;
using ForumManager.Core.Delegates;
using ForumManager.Core.Directory;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Data.Tests;

public sealed class DemoForumSeederTests
{
    [Fact]
    public void Should_hold_43_partner_cities_in_24_countries_starting_with_Brazzaville_in_1982()
    {
        Assert.Equal(43, DemoData.Cities.Count);
        Assert.Equal(24, DemoData.Cities.Select(c => c.CountryCode).Distinct().Count());
        var first = DemoData.Cities[0];
        Assert.Equal(("Brazzaville", "CG", 1982, CityRelation.SisterCity), (first.NameEn, first.CountryCode, first.YearEstablished, first.Relation));
        Assert.Equal(1982, DemoData.Cities.Min(c => c.YearEstablished));
        Assert.All(DemoData.Cities, c => Assert.True(DemoData.Names.ContainsKey(c.Language), $"{c.NameEn}: no names for '{c.Language}'"));
    }

    [Fact]
    public async Task Should_give_the_same_delegates_for_the_same_count()
    {
        await using var first = await SqliteFileDatabase.CreateAsync();
        await using var second = await SqliteFileDatabase.CreateAsync();

        var a = await SeedAndListAsync(first, 90);
        var b = await SeedAndListAsync(second, 90);

        Assert.Equal(90, a.Count);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Should_seed_names_in_their_own_scripts_with_their_Latin_spelling()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            Assert.True(await new DemoForumSeeder(db).SeedAsync(DemoForumSeeder.DefaultDelegates, CancellationToken.None));
        }

        await using var read = database.NewContext();
        var delegates = await read.Delegates.AsNoTracking().ToListAsync();
        Assert.Equal(220, delegates.Count);
        Assert.True(delegates.Select(d => d.DelegationId).Distinct().Count() >= 40);
        Assert.True(delegates.Select(d => d.CountryCode).Distinct().Count() >= 20);

        var scripts = delegates.Select(d => d.NativeName ?? string.Empty).SelectMany(ScriptsOf).ToHashSet();
        foreach (var script in new[] { "Han", "Hangul", "Cyrillic", "Arabic", "Devanagari", "Thai", "Greek", "LatinDiacritic" })
        {
            Assert.Contains(script, scripts);
        }

        Assert.All(delegates, d =>
        {
            Assert.Matches("^[A-Za-z' -]+$", d.FamilyName);
            Assert.Matches("^[A-Za-z' -]+$", d.GivenName);
            Assert.True(d.NativeName!.IsNormalized(NormalizationForm.FormC));
        });
        Assert.Equal(delegates.Count, delegates.Select(d => d.Email).Distinct().Count());
    }

    [Fact]
    public async Task Should_seed_the_2010_programme_in_Changsha_time()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            await new DemoForumSeeder(db).SeedAsync(10, CancellationToken.None);
            Assert.False(await new DemoForumSeeder(db).SeedAsync(10, CancellationToken.None));
        }

        await using var read = database.NewContext();
        var forum = await read.Forums.SingleAsync();
        Assert.Equal((new DateOnly(2010, 6, 22), new DateOnly(2010, 6, 24), "Asia/Shanghai"), (forum.StartDate, forum.EndDate, forum.TimeZoneId));

        var sessions = await read.Sessions.AsNoTracking().ToListAsync();
        var zone = forum.TimeZone;
        var tree = Assert.Single(sessions, s => s.Type == SessionType.TreePlanting);
        Assert.Equal(new DateTime(2010, 6, 23, 18, 0, 0), ForumTime.ToLocal(tree.StartUtc, zone));

        var topics = sessions.Where(s => s.Type == SessionType.SpecialTopicForum).ToList();
        Assert.Equal(4, topics.Count);
        Assert.Single(topics.Select(s => s.StartUtc).Distinct());
        Assert.Equal(4, topics.Select(s => s.RoomId).Distinct().Count());
        Assert.Contains(sessions, s => s.Type == SessionType.ThemeForum);
        Assert.Contains(sessions, s => s.Type == SessionType.Exhibition);
        Assert.Contains(sessions, s => s.Type == SessionType.Banquet);
        Assert.Equal(1, await read.Forums.CountAsync());
    }

    private static async Task<List<string>> SeedAndListAsync(SqliteFileDatabase database, int count)
    {
        await using (var db = database.NewContext())
        {
            await new DemoForumSeeder(db).SeedAsync(count, CancellationToken.None);
        }

        await using var read = database.NewContext();
        var rows = await read.Delegates.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new { d.FamilyName, d.GivenName, d.NativeName, d.Email, d.Category, d.Status, d.PrecedenceRank, Delegation = d.Delegation!.NameEn, d.CreatedUtc })
            .ToListAsync();
        return rows.Select(r => r.ToString()!).ToList();
    }

    private static IEnumerable<string> ScriptsOf(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            yield return v switch
            {
                >= 0x4E00 and <= 0x9FFF => "Han",
                >= 0xAC00 and <= 0xD7AF => "Hangul",
                >= 0x3040 and <= 0x30FF => "Kana",
                >= 0x0400 and <= 0x04FF => "Cyrillic",
                >= 0x0600 and <= 0x06FF => "Arabic",
                >= 0x0900 and <= 0x097F => "Devanagari",
                >= 0x0E00 and <= 0x0E7F => "Thai",
                >= 0x0370 and <= 0x03FF => "Greek",
                >= 0x00C0 and <= 0x024F or >= 0x1E00 and <= 0x1EFF => "LatinDiacritic",
                _ => char.IsAsciiLetter((char)Math.Min(v, 0x7F)) ? "Latin" : "Other",
            };
        }
    }
}
