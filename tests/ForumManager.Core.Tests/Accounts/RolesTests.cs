using ForumManager.Core.Accounts;

namespace ForumManager.Core.Tests.Accounts;

public sealed class RolesTests
{
    [Fact]
    public void Should_let_organizers_and_admins_act_as_staff_but_not_delegates()
    {
        Assert.Equal([Roles.Staff, Roles.Organizer, Roles.Admin], Roles.AtLeast(Roles.Staff));
        Assert.DoesNotContain(Roles.Delegate, Roles.AtLeast(Roles.Staff));
    }

    [Theory]
    [InlineData("organizer", "Organizer")]
    [InlineData(" ADMIN ", "Admin")]
    [InlineData("Superuser", null)]
    public void Should_read_role_names_whatever_their_case(string input, string? expected) =>
        Assert.Equal(expected, Roles.Normalize(input));
}
