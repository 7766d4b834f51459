using System.Text.RegularExpressions;
using System.Xml.Linq;
using ForumManager.Features;
using ForumManager.Testing;

namespace ForumManager.Web.Tests;

public sealed partial class ResourceTests
{
    /// <summary>The words live with the features that say them; the pages name them too.</summary>
    private static readonly string[] Speakers = ["ForumManager.Web", "ForumManager.Features"];

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(RepositoryFolder.Root, "src", "ForumManager.Features", "Resources", file)).Root!.Elements("data")
            .ToDictionary(e => e.Attribute("name")!.Value, e => e.Element("value")!.Value);

    [Fact]
    public void Should_have_every_English_string_in_Chinese_and_no_other()
    {
        var english = Read("SharedResource.resx");
        var chinese = Read("SharedResource.zh-Hans.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.All(chinese, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        Assert.All(english.Keys, key => Assert.Equal(Placeholders(english[key]), Placeholders(chinese[key])));
    }

    [Fact]
    public void Should_have_a_resource_for_every_key_the_pages_name()
    {
        var english = Read("SharedResource.resx");
        var used = Speakers.SelectMany(p => Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Root, "src", p), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, k => !english.ContainsKey(k));
    }

    private static string Placeholders(string text) => string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order());

    // Every string literal shaped like a key (Area_Name), wherever it is: in L[...], in attributes, in a ternary.
    // Prefixes completed at run time ("Role_" + role) end with an underscore and are left out.
    // A key's first part has a small letter (Status_Home); names of environment variables (OTEL_EXPORTER_…) have none.
    [GeneratedRegex("""(?<![A-Za-z0-9_.])"(?<key>[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9])"(?!\s*\+)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
