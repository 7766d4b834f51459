using System.Diagnostics;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Text;
using ForumManager.Testing;
using ForumManager.Web.Pages.Admin.Delegates;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.CheckIns;

/// <summary>The desk's and the delegate list's search, asked the way people at a door say a name, on a real SQLite file.</summary>
[Collection(nameof(AppCollection))]
public sealed class DeskNameSearchTests(AppFixture app)
{
    private async Task<Delegate> DelegateAsync(string family, string given, string? native, string country = "CN", string? email = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var record = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(),
                FamilyName = family, GivenName = given, NativeName = native, CountryCode = country,
                Email = email ?? $"{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate,
                PrecedenceRank = Precedence.DefaultRank(DelegateCategory.Delegate, null),
                Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record;
        });
    }

    private Task<List<int>> FindAsync(string query) => app.WithDbAsync(db =>
        new DelegateFilter(query, null, null, null, null, null).Apply(db.Delegates.AsNoTracking()).Select(d => d.Id).ToListAsync());

    private async Task AssertFindsAsync(string query, Delegate wanted, params Delegate[] unwanted)
    {
        var found = await FindAsync(query);
        Assert.True(found.Contains(wanted.Id), $"\"{query}\" did not find {wanted.FamilyName} {wanted.GivenName}");
        foreach (var other in unwanted)
        {
            Assert.False(found.Contains(other.Id), $"\"{query}\" found {other.FamilyName} {other.GivenName} too");
        }
    }

    [Fact]
    public async Task Should_find_a_Chinese_delegate_by_the_full_name_in_either_order_any_case_and_script_but_not_a_Kwangsoo_for_wang()
    {
        var wang = await DelegateAsync("Wang", "Xiaoming", "王小明");
        var kwangsoo = await DelegateAsync("Pak", "Kwangsoo", "박광수", "KR", $"kwangsoo.pak.{Guid.NewGuid():N}@example.org");

        await AssertFindsAsync("Wang Xiaoming", wang, kwangsoo);
        await AssertFindsAsync("xiaoming wang", wang, kwangsoo);
        await AssertFindsAsync("WANG Xiao-ming", wang, kwangsoo);
        await AssertFindsAsync("wangxiaoming", wang, kwangsoo);
        await AssertFindsAsync("王小明", wang, kwangsoo);
        await AssertFindsAsync("小明", wang, kwangsoo);
        await AssertFindsAsync("wang", wang, kwangsoo);
        await AssertFindsAsync("Kwangsoo", kwangsoo, wang);
        Assert.DoesNotContain(wang.Id, await FindAsync("Wang Xiaohong"));
    }

    [Fact]
    public async Task Should_find_Mueller_with_or_without_the_umlaut_and_as_ue()
    {
        var mueller = await DelegateAsync("Müller", "Jürgen", null, "DE");
        var muse = await DelegateAsync("Musel", "Anna", null, "DE");

        await AssertFindsAsync("Muller", mueller, muse);
        await AssertFindsAsync("muller", mueller, muse);
        await AssertFindsAsync("MÜLLER", mueller, muse);
        await AssertFindsAsync("MUELLER", mueller, muse);
        await AssertFindsAsync("jurgen muller", mueller, muse);
        await AssertFindsAsync("Juergen Mueller", mueller, muse);
    }

    [Fact]
    public async Task Should_find_Korean_and_Japanese_names_with_or_without_the_space()
    {
        var minjun = await DelegateAsync("Choi", "Minjun", "최민준", "KR");
        var minseo = await DelegateAsync("Choi", "Minseo", "최민서", "KR");
        var yamada = await DelegateAsync("Yamada", "Taro", "山田 太郎", "JP");
        var suzuki = await DelegateAsync("Suzuki", "Hanako", "鈴木花子", "JP");

        await AssertFindsAsync("최민준", minjun, minseo);
        await AssertFindsAsync("최 민준", minjun, minseo);
        await AssertFindsAsync("민준", minjun, minseo);
        await AssertFindsAsync("Minjun Choi", minjun, minseo);
        await AssertFindsAsync("山田太郎", yamada, suzuki);
        await AssertFindsAsync("山田 太郎", yamada, suzuki);
        await AssertFindsAsync("太郎", yamada, suzuki);
        await AssertFindsAsync("鈴木 花子", suzuki, yamada);
        await AssertFindsAsync("花子", suzuki, yamada);
    }

    [Fact]
    public async Task Should_find_a_delegate_by_the_full_name_at_the_desk_and_in_the_organizers_list()
    {
        var person = await DelegateAsync("Dragomirescu", "Ileana-Maria", "Драгомиреску Илеана", "RO");
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var desk = await HtmlForms.GetPageAsync(staff, "/checkin?q=" + Uri.EscapeDataString("ileana maria DRAGOMIRESCU"));
        var list = await HtmlForms.GetPageAsync(organizer, "/admin/delegates?q=" + Uri.EscapeDataString("Dragomirescu Ileana"));

        Assert.Equal("DRAGOMIRESCU Ileana-Maria", Assert.Single(desk.QuerySelectorAll("[data-testid=checkin-row] th")).TextContent.Trim());
        Assert.NotNull(list.QuerySelector($"[data-testid=status-{person.Id}]"));
    }

    [Fact]
    public async Task Should_keep_the_search_key_current_when_a_name_is_corrected_and_fill_keys_a_record_lacks()
    {
        var person = await DelegateAsync("Zhou", "Wenbo", null);
        await app.WithDbAsync(async db =>
        {
            var record = await db.Delegates.SingleAsync(d => d.Id == person.Id);
            record.FamilyName = "Zhao";
            await db.SaveChangesAsync();
            return await db.Delegates.Where(d => d.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.SearchKey, string.Empty));
        });
        var beforeFill = await FindAsync("Zhao Wenbo");

        var filled = await app.WithDbAsync(db => Data.DelegateSearchKeys.FillMissingAsync(db, CancellationToken.None));

        Assert.DoesNotContain(person.Id, beforeFill);
        Assert.True(filled >= 1);
        await AssertFindsAsync("Zhao Wenbo", person);
        Assert.DoesNotContain(person.Id, await FindAsync("Zhou Wenbo"));
    }
}

/// <summary>On an app of its own, so that its 2,000 delegates stay out of the other tests' lists and counts.</summary>
public sealed class DeskNameSearchSpeedTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task<List<int>> FindAsync(string query) => app.WithDbAsync(db =>
        new DelegateFilter(query, null, null, null, null, null).Apply(db.Delegates.AsNoTracking()).Select(d => d.Id).ToListAsync());

    [Fact]
    public async Task Should_search_two_thousand_delegates_by_full_name_in_a_blink()
    {
        var forumId = await app.WithDbAsync(db => db.Forums.Select(f => f.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 2000; i++)
            {
                db.Delegates.Add(new Delegate
                {
                    ForumId = forumId, FamilyName = "Bulk" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), GivenName = "Load Test",
                    NativeName = "负载测试" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), CountryCode = "CN",
                    Email = $"bulk-{i}-{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate,
                    Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });
        var wanted = await app.WithDbAsync(async db =>
        {
            var record = new Delegate
            {
                ForumId = forumId, FamilyName = "Ouyang", GivenName = "Xiuying", NativeName = "欧阳秀英", CountryCode = "CN",
                Email = $"{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate,
                Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record;
        });
        await FindAsync("warm up");

        var times = new List<TimeSpan>();
        List<int> found = [];
        foreach (var query in new[] { "Xiuying Ouyang", "欧阳 秀英", "ouyang", "load test bulk1999", "nobody at all" })
        {
            var watch = Stopwatch.StartNew();
            found = await FindAsync(query);
            times.Add(watch.Elapsed);
            if (query == "Xiuying Ouyang")
            {
                Assert.Equal([wanted.Id], found);
            }
        }

        // On a loaded two-core machine a search over 2,000 keys takes a few milliseconds; half a second would mean a
        // query that reads far more than the forum's delegates.
        Assert.True(times.Max() < TimeSpan.FromMilliseconds(500), string.Join(", ", times.Select(t => t.TotalMilliseconds)));
    }
}
