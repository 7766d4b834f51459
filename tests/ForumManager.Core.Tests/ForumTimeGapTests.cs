using ForumManager.Core.Forums;

namespace ForumManager.Core.Tests;

public sealed class ForumTimeGapTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Should_read_a_time_skipped_by_the_clocks_going_forward_as_the_same_time_after_the_change()
    {
        var day = new DateOnly(2010, 3, 28);

        Assert.False(ForumTime.Exists(day, new TimeOnly(2, 30), Berlin));
        Assert.Equal(new DateTime(2010, 3, 28, 1, 30, 0, DateTimeKind.Utc), ForumTime.ToUtc(day, new TimeOnly(2, 30), Berlin));
        Assert.True(ForumTime.Exists(day, new TimeOnly(3, 30), Berlin));
        Assert.Equal(new DateTime(2010, 3, 28, 1, 30, 0, DateTimeKind.Utc), ForumTime.ToUtc(day, new TimeOnly(3, 30), Berlin));
        Assert.Equal(new DateTime(2010, 3, 28, 0, 30, 0, DateTimeKind.Utc), ForumTime.ToUtc(day, new TimeOnly(1, 30), Berlin));
    }
}
