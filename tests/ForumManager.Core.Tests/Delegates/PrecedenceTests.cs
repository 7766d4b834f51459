using ForumManager.Core.Delegates;

namespace ForumManager.Core.Tests.Delegates;

public sealed class PrecedenceTests
{
    [Fact]
    public void Should_put_every_VIP_before_every_head_of_delegation_and_delegates_after()
    {
        var vipAdviser = Precedence.DefaultRank(DelegateCategory.Vip, "Adviser");
        var headMayor = Precedence.DefaultRank(DelegateCategory.HeadOfDelegation, "Mayor");
        var delegateMayor = Precedence.DefaultRank(DelegateCategory.Delegate, "Mayor");
        var press = Precedence.DefaultRank(DelegateCategory.Press, null);

        Assert.True(vipAdviser < headMayor);
        Assert.True(headMayor < delegateMayor);
        Assert.True(delegateMayor < press);
    }

    [Fact]
    public void Should_put_a_mayor_before_a_vice_mayor_before_an_adviser_within_a_category()
    {
        var mayor = Precedence.DefaultRank(DelegateCategory.Delegate, "Mayor of Kumamoto");
        var vice = Precedence.DefaultRank(DelegateCategory.Delegate, "Vice Mayor");
        var adviser = Precedence.DefaultRank(DelegateCategory.Delegate, "Senior Adviser");
        var none = Precedence.DefaultRank(DelegateCategory.Delegate, "");

        Assert.True(mayor < vice, $"{mayor} < {vice}");
        Assert.True(vice < adviser, $"{vice} < {adviser}");
        Assert.True(adviser < none, $"{adviser} < {none}");
    }

    [Fact]
    public void Should_put_a_deputy_right_after_the_office_holder_and_before_the_next_office()
    {
        var director = Precedence.DefaultRank(DelegateCategory.Delegate, "Director of Foreign Affairs");
        var deputyDirector = Precedence.DefaultRank(DelegateCategory.Delegate, "Deputy Director");
        var secretary = Precedence.DefaultRank(DelegateCategory.Delegate, "Secretary General");

        Assert.True(director < deputyDirector, $"{director} < {deputyDirector}");
        Assert.True(deputyDirector < secretary, $"{deputyDirector} < {secretary}");
    }
}
