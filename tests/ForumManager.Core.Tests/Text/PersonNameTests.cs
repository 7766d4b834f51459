using System.Text;
using ForumManager.Core.Text;

namespace ForumManager.Core.Tests.Text;

public sealed class PersonNameTests
{
    [Fact]
    public void Should_compose_decomposed_letters_to_NFC()
    {
        var decomposed = "Nguye\u0302\u0303n Va\u0306n An".Normalize(NormalizationForm.FormD);

        var cleaned = PersonName.Clean(decomposed);

        Assert.Equal("Nguyễn Văn An", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("\u202EnimdA\u202C", "nimdA")]
    [InlineData("محمد\u200F العلي", "محمد العلي")]
    [InlineData("\u2067Ali\u2069", "Ali")]
    public void Should_strip_bidirectional_controls(string input, string expected) =>
        Assert.Equal(expected, PersonName.Clean(input));

    [Fact]
    public void Should_fold_white_space_and_drop_control_characters()
    {
        Assert.Equal("Jean Dupont", PersonName.Clean("  Jean\t\u0007 \r\n Dupont  "));
    }

    [Theory]
    [InlineData("山田太郎")]
    [InlineData("김민준")]
    [InlineData("Иван Петров")]
    [InlineData("राहुल शर्मा")]
    [InlineData("สมชาย ศรีสุข")]
    [InlineData("Γιώργος Παπαδόπουλος")]
    [InlineData("Jürgen Müller")]
    [InlineData("𠮷野家")]
    public void Should_keep_names_in_every_script_as_they_are(string name) =>
        Assert.Equal(name.Normalize(NormalizationForm.FormC), PersonName.Clean(name));

    [Fact]
    public void Should_give_null_for_blank_input() => Assert.Null(PersonName.CleanOrNull(" \u200F "));
}
