using ForumManager.Core.Delegates;

namespace ForumManager.Core.Tests.Delegates;

public sealed class StatusTransitionsTests
{
    [Theory]
    [InlineData(RegistrationStatus.Submitted, RegistrationStatus.Approved, true)]
    [InlineData(RegistrationStatus.Submitted, RegistrationStatus.Rejected, true)]
    [InlineData(RegistrationStatus.Waitlisted, RegistrationStatus.Approved, true)]
    [InlineData(RegistrationStatus.Rejected, RegistrationStatus.Approved, true)]
    [InlineData(RegistrationStatus.Approved, RegistrationStatus.Approved, false)]
    [InlineData(RegistrationStatus.Cancelled, RegistrationStatus.Approved, false)]
    [InlineData(RegistrationStatus.Approved, RegistrationStatus.Cancelled, false)]
    public void Should_let_organizers_decide_but_not_undo_a_delegates_cancellation(RegistrationStatus from, RegistrationStatus to, bool allowed) =>
        Assert.Equal(allowed, StatusTransitions.OrganizerMay(from, to));

    [Theory]
    [InlineData(RegistrationStatus.Submitted, true)]
    [InlineData(RegistrationStatus.Approved, true)]
    [InlineData(RegistrationStatus.Waitlisted, true)]
    [InlineData(RegistrationStatus.Rejected, false)]
    [InlineData(RegistrationStatus.Cancelled, false)]
    public void Should_let_delegates_only_withdraw_a_living_registration(RegistrationStatus from, bool allowed)
    {
        Assert.Equal(allowed, StatusTransitions.DelegateMay(from, RegistrationStatus.Cancelled));
        Assert.False(StatusTransitions.DelegateMay(from, RegistrationStatus.Approved));
    }
}
