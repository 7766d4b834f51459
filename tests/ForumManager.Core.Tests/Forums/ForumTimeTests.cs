using ForumManager.Core.Forums;

namespace ForumManager.Core.Tests.Forums;

public sealed class ForumTimeTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Should_store_the_tree_planting_at_six_in_Changsha_as_ten_UTC()
    {
        var utc = ForumTime.ToUtc(new DateOnly(2010, 6, 23), new TimeOnly(18, 0), Shanghai);

        Assert.Equal(new DateTime(2010, 6, 23, 10, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTime(2010, 6, 23, 18, 0, 0), ForumTime.ToLocal(utc, Shanghai));
        Assert.Equal("UTC+08:00", ForumTime.OffsetLabel(utc, Shanghai));
    }

    [Fact]
    public void Should_follow_daylight_saving_in_zones_that_have_it()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        Assert.Equal("UTC+02:00", ForumTime.OffsetLabel(new DateTime(2010, 6, 23, 10, 0, 0, DateTimeKind.Utc), berlin));
        Assert.Equal("UTC+01:00", ForumTime.OffsetLabel(new DateTime(2010, 12, 23, 10, 0, 0, DateTimeKind.Utc), berlin));
    }
}
