using ForumManager.Core.Registration;

namespace ForumManager.Core.Tests.Registration;

public sealed class RegistrationRulesTests
{
    [Theory]
    [InlineData("+86 731 8888-8888", "+8673188888888")]
    [InlineData("+1 (651) 266.8989", "+16512668989")]
    [InlineData("+242 06 123 4567", "+242061234567")]
    public void Should_accept_international_numbers_as_people_type_them(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("0731 8888 8888")]
    [InlineData("+86 731 8888 8888 8888")]
    [InlineData("+1234")]
    [InlineData("+86 731 <script>")]
    [InlineData("+0 731 8888 8888")]
    [InlineData("")]
    public void Should_refuse_numbers_without_a_country_code_or_with_other_characters(string input) =>
        Assert.False(PhoneNumber.TryNormalize(input, out _));

    [Theory]
    [InlineData("O'Connor", true)]
    [InlineData("Nguyễn Văn", true)]
    [InlineData("Müller-Lüdenscheidt", true)]
    [InlineData("张", false)]
    [InlineData("Smith<script>", false)]
    [InlineData("Smith2", false)]
    public void Should_take_only_Latin_letters_for_the_passport_spelling(string name, bool expected) =>
        Assert.Equal(expected, NameRules.IsPassportLatin(name));

    [Theory]
    [InlineData("山田太郎", true)]
    [InlineData("محمد العلي", true)]
    [InlineData("राहुल शर्मा", true)]
    [InlineData("สมชาย ศรีสุข", true)]
    [InlineData("Jean-Luc Picard", true)]
    [InlineData("<b>Bold</b>", false)]
    [InlineData("Robert'); DROP TABLE", false)]
    public void Should_take_letters_of_any_script_for_the_own_name(string name, bool expected) =>
        Assert.Equal(expected, NameRules.IsName(name));

    [Fact]
    public void Should_name_countries_in_English_and_Chinese_as_the_host_does()
    {
        Assert.True(Countries.All.Count > 240);
        Assert.Equal(("Congo (Brazzaville)", "刚果（布）"), (Countries.Find("cg")!.NameEn, Countries.Find("CG")!.NameZh));
        Assert.Equal("中国台湾", Countries.Find("TW")!.NameZh);
        Assert.False(Countries.IsKnown("XX"));
    }
}
