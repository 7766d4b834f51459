using System.Globalization;
using System.Runtime.InteropServices;
using ForumManager.Core.Registration;

namespace ForumManager.Core.Tests.Registration;

public sealed class CountryNamesTests
{
    [Fact]
    public void Should_give_every_Chinese_country_name_as_ICU_does_except_the_hosts_own_names()
    {
        var differences = Countries.All
            .Where(c => !Countries.HostChineseNames.ContainsKey(c.Code))
            .Select(c => (c.Code, Ours: c.NameZh, Icu: IcuTerritoryNames.Chinese(c.Code)))
            .Where(n => n.Ours != n.Icu)
            .ToList();

        Assert.True(Countries.All.Count > 240);
        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("KH", "柬埔寨")]
    [InlineData("VA", "梵蒂冈")]
    [InlineData("BO", "玻利维亚")]
    [InlineData("BW", "博茨瓦纳")]
    [InlineData("KG", "吉尔吉斯斯坦")]
    [InlineData("PF", "法属波利尼西亚")]
    [InlineData("HK", "中国香港")]
    [InlineData("MO", "中国澳门")]
    [InlineData("TW", "中国台湾")]
    [InlineData("PS", "巴勒斯坦")]
    public void Should_print_the_names_a_government_host_uses(string code, string name) =>
        Assert.Equal(name, Countries.Find(code)!.NameZh);

    [Fact]
    public void Should_sort_Chinese_names_by_pinyin_and_English_names_alphabetically()
    {
        var chinese = Countries.SortedFor(chinese: true).Select(c => c.NameZh).ToList();
        var english = Countries.SortedFor(chinese: false).Select(c => c.NameEn).ToList();

        // 阿 (a), 巴 (ba), 中 (zhong): by stroke count or code point 中 would come before 巴 and 阿.
        Assert.True(chinese.IndexOf("阿富汗") < chinese.IndexOf("巴西"));
        Assert.True(chinese.IndexOf("巴西") < chinese.IndexOf("中国澳门"));
        Assert.Equal("阿尔巴尼亚", chinese[0]);
        Assert.Equal("Afghanistan", english[0]);
        Assert.Equal(english.Order(StringComparer.Create(CultureInfo.GetCultureInfo("en"), ignoreCase: true)), english);
    }

    /// <summary>
    /// Asks the ICU library that .NET itself loaded for a territory's display name (uloc_getDisplayCountry), so
    /// the comparison is with the platform's CLDR data, not with a second copy of it.
    /// </summary>
    private static class IcuTerritoryNames
    {
        [UnmanagedFunctionPointer(CallingConvention.Cdecl, CharSet = CharSet.Unicode)]
        private delegate int GetDisplayCountry(
            [MarshalAs(UnmanagedType.LPStr)] string locale,
            [MarshalAs(UnmanagedType.LPStr)] string displayLocale,
            [Out] char[] result,
            int capacity,
            ref int status);

        private static readonly Lazy<GetDisplayCountry> Function = new(Load);

        public static string Chinese(string code)
        {
            var buffer = new char[256];
            var status = 0;
            var length = Function.Value("und_" + code, "zh", buffer, buffer.Length, ref status);
            Assert.True(status <= 0, $"ICU failed on {code} with status {status}");
            return new string(buffer, 0, length);
        }

        private static GetDisplayCountry Load()
        {
            // Collation makes .NET load ICU; its maps then name the exact library and, by its version, the
            // suffix ICU puts on every exported symbol (uloc_getDisplayCountry_72).
            _ = CultureInfo.GetCultureInfo("zh-Hans").CompareInfo.Compare("甲", "乙");
            var path = File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1])
                .First(file => Path.GetFileName(file).StartsWith("libicuuc.so", StringComparison.Ordinal));
            var version = Path.GetFileName(path)["libicuuc.so.".Length..].Split('.')[0];
            var library = NativeLibrary.Load(path);
            var export = NativeLibrary.TryGetExport(library, "uloc_getDisplayCountry_" + version, out var suffixed)
                ? suffixed
                : NativeLibrary.GetExport(library, "uloc_getDisplayCountry");
            return Marshal.GetDelegateForFunctionPointer<GetDisplayCountry>(export);
        }
    }
}
