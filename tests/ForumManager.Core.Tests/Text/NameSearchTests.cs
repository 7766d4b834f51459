using ForumManager.Core.Text;

namespace ForumManager.Core.Tests.Text;

public sealed class NameSearchTests
{
    [Theory]
    [InlineData("MÜLLER", "muller")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Øster Straße", "oster strasse")]
    [InlineData("ＷＡＮＧ", "wang")]
    [InlineData("ガンダ", "ガンダ")]
    [InlineData("김민준", "김민준")]
    public void Should_fold_accents_case_and_compatibility_forms_but_keep_Japanese_voicing_and_Korean_syllables(string text, string folded) =>
        Assert.Equal(folded, NameSearch.Fold(text));

    [Fact]
    public void Should_key_a_name_by_its_words_both_orders_run_together_and_the_tails_of_a_CJK_name()
    {
        var key = NameSearch.Key("Wang", "Xiao-ming", "王小明");

        foreach (var word in new[] { "wang", "xiaoming", "xiao", "ming", "wangxiaoming", "xiaomingwang", "王小明", "小明", "明" })
        {
            Assert.Contains(" " + word + " ", key, StringComparison.Ordinal);
        }

        Assert.StartsWith(" ", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_no_word_inside_another_so_a_prefix_cannot_match_the_middle_of_a_name()
    {
        var key = NameSearch.Key("Kim", "Kwangsoo", null);

        Assert.DoesNotContain(" wang", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_bound_the_key_without_cutting_a_word()
    {
        var key = NameSearch.Key(new string('a', 100), string.Join(' ', Enumerable.Range(0, 30).Select(i => "given" + i)), string.Concat(Enumerable.Repeat("山田太郎", 50)));

        Assert.True(key.Length <= NameSearch.MaxKeyLength);
        Assert.EndsWith(" ", key, StringComparison.Ordinal);
        Assert.Contains(" given29 ", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_make_query_terms_without_hyphens_and_drop_punctuation_only_words()
    {
        Assert.Equal(["wang", "xiaoming"], NameSearch.Terms("WANG  Xiao-ming"));
        Assert.Empty(NameSearch.Terms(" - % "));
    }
}
