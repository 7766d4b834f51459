using ForumManager.Core.Mail;

namespace ForumManager.Core.Tests.Mail;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(5, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(4));

    [Fact]
    public void Should_double_the_wait_after_each_failure_up_to_the_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.DelayAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(60), Policy.DelayAfter(2));
        Assert.Equal(TimeSpan.FromSeconds(120), Policy.DelayAfter(3));
        Assert.Equal(TimeSpan.FromMinutes(4), Policy.DelayAfter(4));
        Assert.Equal(TimeSpan.FromMinutes(4), Policy.DelayAfter(40));
    }

    [Fact]
    public void Should_give_up_after_the_last_allowed_attempt()
    {
        Assert.False(Policy.ShouldGiveUp(4));
        Assert.True(Policy.ShouldGiveUp(5));
    }
}
