using ForumManager.Core.Mail;

namespace ForumManager.Core.Tests.Mail;

public sealed class MailServerOutageTests
{
    private static readonly DateTime Start = new(2010, 6, 20, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Should_probe_the_server_at_a_doubling_pause_and_hold_mail_in_between()
    {
        var outage = new MailServerOutage(new RetryPolicy(8, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)));

        Assert.False(outage.HoldsMailAt(Start));
        Assert.Equal(TimeSpan.FromSeconds(30), outage.ConnectionFailed(Start));
        Assert.True(outage.HoldsMailAt(Start.AddSeconds(29)));
        Assert.False(outage.HoldsMailAt(Start.AddSeconds(30)));

        Assert.Equal(TimeSpan.FromSeconds(60), outage.ConnectionFailed(Start.AddSeconds(30)));
        Assert.Equal(Start.AddSeconds(90), outage.NextProbeUtc);
        Assert.Equal(TimeSpan.FromMinutes(2), outage.ConnectionFailed(Start.AddSeconds(90)));
        Assert.Equal(TimeSpan.FromMinutes(2), outage.ConnectionFailed(Start.AddSeconds(210)));
    }

    [Fact]
    public void Should_hold_no_mail_once_a_connection_succeeds_and_start_again_from_the_first_pause()
    {
        var outage = new MailServerOutage(new RetryPolicy(8, TimeSpan.FromSeconds(30), TimeSpan.FromHours(2)));
        outage.ConnectionFailed(Start);
        outage.ConnectionFailed(Start.AddSeconds(30));

        Assert.True(outage.Connected());
        Assert.Null(outage.NextProbeUtc);
        Assert.False(outage.HoldsMailAt(Start.AddSeconds(31)));
        Assert.False(outage.Connected());
        Assert.Equal(TimeSpan.FromSeconds(30), outage.ConnectionFailed(Start.AddMinutes(5)));
    }

    [Fact]
    public void Should_tell_since_when_the_server_cannot_be_reached_until_it_can()
    {
        var outage = new MailServerOutage(new RetryPolicy(8, TimeSpan.FromSeconds(30), TimeSpan.FromHours(2)));
        Assert.Null(outage.UnreachableSinceUtc);

        outage.ConnectionFailed(Start);
        outage.ConnectionFailed(Start.AddSeconds(30));
        Assert.Equal(Start, outage.UnreachableSinceUtc);

        outage.Connected();
        Assert.Null(outage.UnreachableSinceUtc);
    }
}
