using ForumManager.Core.Delegates;

namespace ForumManager.Core.Tests.Delegates;

public sealed class InvitationTokensTests
{
    [Fact]
    public void Should_make_long_unguessable_url_safe_tokens_and_store_only_their_hash()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => InvitationTokens.NewToken()).ToList();

        Assert.Equal(1000, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        var hash = InvitationTokens.Hash(tokens[0]);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, InvitationTokens.Hash(" " + tokens[0] + " "));
        Assert.NotEqual(hash, InvitationTokens.Hash(tokens[1]));
    }
}
