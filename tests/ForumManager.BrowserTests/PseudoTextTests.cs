using ForumManager.Features.Text;

namespace ForumManager.BrowserTests;

/// <summary>The pseudo-locale tour's detector of text that did not go through the localizer, on its own.</summary>
public sealed class PseudoTextTests
{
    private static readonly PseudoText Detector = new(["Maria Fernández", "Hunan Grand Hall", "Liu", "Wei"]);

    [Theory]
    [InlineData("Save changes", "Save changes")]
    [InlineData("[Šåṽé çĥåñĝéš ·····] Cancel", "Cancel")]
    [InlineData("Seats: Hunan Grand Hall, back row", "Seats back row")]
    [InlineData("Status: Approved", "Status Approved")]
    [InlineData("Maria Fernández, Welcome…", "Welcome")]
    public void Should_find_english_the_localizer_did_not_give(string text, string english) =>
        Assert.Equal(english.Split(' '), Detector.EnglishWords(text));

    [Theory]
    [InlineData("[Šåṽé çĥåñĝéš ·····]")]
    [InlineData("Maria Fernández")]
    [InlineData("[Šéåţ ···] Hunan Grand Hall · 12")]
    [InlineData("LIU Wei")]
    [InlineData("HN26-0001 · 14:30 · 1,250 · 22 June 2010 · Mon")]
    [InlineData("organizer@hunan.example.org https://forum.example.org/agenda")]
    [InlineData("[Ðöŵñļöåð ··] PDF · CSV · XLSX")]
    [InlineData("LIU Wei · Maria Fer…")]
    [InlineData("Hunan Gra…")]
    [InlineData("[Šéé ···] schedule.json {{ delegate.name }} {% if %}")]
    public void Should_pass_the_pseudo_locale_data_and_names(string text) =>
        Assert.Empty(Detector.EnglishWords(text));

    [Fact]
    public void Should_leave_placeholders_markup_and_addresses_of_a_resource_as_they_are()
    {
        var text = PseudoLocale.Transform("Hello {0}, see <a href=\"/agenda\">the agenda</a> &amp; {{ delegate.name }} at https://example.org/x");

        Assert.StartsWith("[Ĥéļļö {0}, šéé <a href=\"/agenda\">ţĥé åĝéñðå</a> &amp; {{ delegate.name }} åţ https://example.org/x ", text, StringComparison.Ordinal);
        Assert.EndsWith("·]", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, "Hello {0}, see <a href=\"/agenda\">the agenda</a> &amp; {{ delegate.name }} at https://example.org/x".Length + 10, 200);
        Assert.Empty(Detector.EnglishWords(PseudoLocale.Transform("Save changes")));
    }
}
