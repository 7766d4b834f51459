using ForumManager.Core.Accreditation;

namespace ForumManager.Core.Tests.Accreditation;

public sealed class ZoneRulesTests
{
    private const int Hall = 1;
    private const int Lounge = 2;
    private const int Banquet = 3;
    private static readonly DateOnly Day1 = new(2010, 6, 22);
    private static readonly Dictionary<int, bool> None = [];

    private static readonly GrantWindow[] Delegate =
    [
        new(Hall, null, new TimeOnly(7, 30), new TimeOnly(21, 0)),
        new(Banquet, Day1, new TimeOnly(18, 0), new TimeOnly(21, 0)),
    ];

    private static DateTime At(int day, int hour, int minute = 0) => new(2010, 6, day, hour, minute, 0);

    [Fact]
    public void Should_refuse_a_zone_the_category_has_no_grant_for_with_zone()
    {
        Assert.Equal(RefusalReasons.Zone, ZoneRules.Refusal(Lounge, Delegate, None, At(22, 10)));
    }

    [Fact]
    public void Should_refuse_the_banquet_before_its_hour_with_time_and_on_another_day_with_day()
    {
        Assert.Equal(RefusalReasons.Time, ZoneRules.Refusal(Banquet, Delegate, None, At(22, 17, 59)));
        Assert.Equal(RefusalReasons.Day, ZoneRules.Refusal(Banquet, Delegate, None, At(23, 19)));
        Assert.Null(ZoneRules.Refusal(Banquet, Delegate, None, At(22, 18)));
        Assert.Equal(RefusalReasons.Time, ZoneRules.Refusal(Banquet, Delegate, None, At(22, 21)));
    }

    [Fact]
    public void Should_let_a_given_zone_in_at_any_hour_and_keep_a_taken_zone_out_whatever_the_category_grants()
    {
        var exceptions = new Dictionary<int, bool> { [Lounge] = true, [Hall] = false };

        Assert.Null(ZoneRules.Refusal(Lounge, Delegate, exceptions, At(24, 3)));
        Assert.Equal(RefusalReasons.Zone, ZoneRules.Refusal(Hall, Delegate, exceptions, At(22, 10)));
        Assert.Equal(new HashSet<int> { Banquet, Lounge }, ZoneRules.Opened(Delegate, exceptions));
    }

    [Fact]
    public void Should_admit_when_any_of_several_grants_holds()
    {
        GrantWindow[] grants = [new(Hall, Day1, new TimeOnly(8, 0), new TimeOnly(9, 0)), new(Hall, Day1, new TimeOnly(14, 0), null)];

        Assert.Null(ZoneRules.Refusal(Hall, grants, None, At(22, 23, 30)));
        Assert.Equal(RefusalReasons.Time, ZoneRules.Refusal(Hall, grants, None, At(22, 10)));
    }

    [Theory]
    [InlineData(" m ", "M")]
    [InlineData("vp", "VP")]
    [InlineData("B2", "B2")]
    [InlineData("", null)]
    [InlineData("ABC", null)]
    [InlineData("贵", null)]
    [InlineData("A-", null)]
    public void Should_keep_a_code_of_one_or_two_letters_or_digits(string code, string? expected)
    {
        Assert.Equal(expected, ZoneRules.NormalizeCode(code));
    }

    [Fact]
    public void Should_hold_the_smaller_of_the_room_seats_and_the_capacity()
    {
        Assert.Equal(40, ZoneRules.Holds(null, 40));
        Assert.Equal(30, ZoneRules.Holds(30, 40));
        Assert.Equal(60, ZoneRules.Holds(60, null));
        Assert.Null(ZoneRules.Holds(null, null));
    }

    [Theory]
    [InlineData(Hall, false, false)]
    [InlineData(Banquet, false, false)]
    [InlineData(Lounge, false, false)]
    [InlineData(Lounge, true, true)]
    [InlineData(Hall, true, false)]
    public void Should_give_an_offline_desk_windows_that_admit_exactly_when_the_rule_does(int zone, bool excepted, bool granted)
    {
        var exceptions = excepted ? new Dictionary<int, bool> { [zone] = granted } : None;
        var windows = ZoneRules.Windows(zone, Delegate, exceptions, Day1, Day1.AddDays(2));

        // Every quarter of an hour over the forum's three days, with a minute either side of each quarter.
        for (var at = Day1.ToDateTime(TimeOnly.MinValue); at < Day1.AddDays(3).ToDateTime(TimeOnly.MinValue); at = at.AddMinutes(15))
        {
            foreach (var moment in new[] { at.AddMinutes(-1), at, at.AddMinutes(1) }.Where(m => m >= Day1.ToDateTime(TimeOnly.MinValue)))
            {
                var inside = windows.Any(w => w.Start <= moment && moment < w.End);
                Assert.True(inside == (ZoneRules.Refusal(zone, Delegate, exceptions, moment) is null), $"{moment:yyyy-MM-dd HH:mm} zone {zone}");
            }
        }
    }
}
