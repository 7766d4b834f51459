using System.Net;
using System.Security.Cryptography;
using ForumManager.Core.Accounts;
using ForumManager.Testing;

namespace ForumManager.Web.Tests.Identity;

[Collection(nameof(AppCollection))]
public sealed class TwoFactorTests(AppFixture app)
{
    [Fact]
    public async Task Should_set_up_an_authenticator_and_then_ask_for_its_code_at_sign_in()
    {
        var email = await app.CreateUserAsync(Roles.Staff);
        var client = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        const string setUp = "/Identity/Account/Manage/EnableAuthenticator";
        var page = await HtmlForms.GetPageAsync(client, setUp);
        var key = page.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("main img")!.GetAttribute("src"), StringComparison.Ordinal);

        var wrong = await HtmlForms.SubmitAsync(client, page, setUp, new Dictionary<string, string> { ["Code"] = "000000" == Totp(key, 0) ? "111111" : "000000" });
        var wrongPage = await HtmlForms.ParseAsync(wrong);
        Assert.Contains("not right", wrongPage.QuerySelector("[data-valmsg-for=Code]")!.TextContent, StringComparison.Ordinal);

        var enabled = await HtmlForms.SubmitAsync(client, setUp, new Dictionary<string, string> { ["Code"] = Totp(key, 0) });
        Assert.Equal("/identity/account/manage/showrecoverycodes", enabled.Headers.Location!.OriginalString);
        var codes = await HtmlForms.GetPageAsync(client, "/identity/account/manage/showrecoverycodes");
        Assert.Equal(10, codes.QuerySelectorAll("[data-testid=recovery-codes] li").Length);

        var again = Clients.Anonymous(app);
        var password = await SignInForm.SubmitAsync(again, email);
        var secondStep = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/identity/account/loginwith2fa", secondStep, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/checkin")).StatusCode);

        var signedIn = await HtmlForms.SubmitAsync(again, secondStep, new Dictionary<string, string> { ["Code"] = Totp(key, 1) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/checkin")).StatusCode);
    }

    [Fact]
    public async Task Should_give_one_key_to_every_tab_that_opens_the_authenticator_set_up_at_once()
    {
        var email = await app.CreateUserAsync(Roles.Staff);
        var client = await Clients.SignInAsync(app, email, ForumAppFactory.Password);

        // Two tabs, or a double click, open the set-up page before either has stored a key.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/Identity/Account/Manage/EnableAuthenticator")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var keys = await Task.WhenAll(responses.Select(async r => (await HtmlForms.ParseAsync(r)).QuerySelector("[data-testid=shared-key]")!.TextContent));
        Assert.Single(keys.Distinct());
        var again = await HtmlForms.GetPageAsync(client, "/Identity/Account/Manage/EnableAuthenticator");
        Assert.Equal(keys[0], again.QuerySelector("[data-testid=shared-key]")!.TextContent);
    }

    /// <summary>RFC 6238: HMAC-SHA1 over the 30-second step, dynamic truncation, six digits.</summary>
    private static string Totp(string base32Key, int stepsAhead)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepsAhead;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
