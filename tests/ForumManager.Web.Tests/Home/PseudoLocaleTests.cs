using ForumManager.Testing;
using ForumManager.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ForumManager.Web.Tests.Home;

/// <summary>
/// The pseudo-locale (qps-Ploc) is a developer's tool: offered in Development, and elsewhere only where
/// <c>Localization:PseudoLocale</c> asks for it, never in Production. The browser tour reads every page in it
/// (PageTourTests); here, that a site that does not offer it answers in English to whoever asks.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class PseudoLocaleTests(AppFixture app)
{
    [Theory]
    [InlineData("/?culture=qps-Ploc")]
    [InlineData("/")]
    public async Task Should_answer_in_English_where_the_pseudo_locale_is_not_offered(string url)
    {
        using var client = Clients.Anonymous(app);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Dqps-Ploc");

        var page = await HtmlForms.GetPageAsync(client, url);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Agenda", page.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Åĝéñðå", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", true)]
    [InlineData("Testing", null, false)]
    [InlineData("Testing", "true", true)]
    [InlineData("Staging", "true", true)]
    [InlineData("Production", "true", false)]
    [InlineData("Production", null, false)]
    public void Should_offer_the_pseudo_locale_in_Development_and_where_asked_but_never_in_Production(string environment, string? setting, bool offered)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ForumServices.PseudoLocaleKey] = setting })
            .Build();

        Assert.Equal(offered, ForumServices.PseudoLocaleOffered(new Environment(environment), configuration));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "ForumManager.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
