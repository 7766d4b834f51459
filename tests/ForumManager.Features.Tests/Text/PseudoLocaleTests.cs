using System.Globalization;
using ForumManager.Features.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Tests.Text;

/// <summary>The pseudo-locale's decorator of the localizers: what a page read in qps-Ploc gets from the resources.</summary>
public sealed class PseudoLocaleTests
{
    private static IStringLocalizer Localizer() =>
        new PseudoLocalizerFactory(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance))
            .Create(typeof(SharedResource));

    private static T In<T>(string culture, Func<T> read)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public void Should_accent_and_lengthen_the_resources_but_not_the_data_put_in_them()
    {
        var save = In(PseudoLocale.Name, () => Localizer()["Common_Save"].Value);
        var table = In(PseudoLocale.Name, () => Localizer()["Seat_Table", "Hall 7"].Value);
        var binding = In(PseudoLocale.Name, () => SharedResource.Get("Binding_ValueInvalid"));

        Assert.Equal("[Šåṽé ··]", save);
        Assert.StartsWith("[Ţåƀļé Hall 7 ", table, StringComparison.Ordinal);
        Assert.StartsWith("[Ţĥé ṽåļûé '{0}' îš ñöţ ṽåļîð. ", binding, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_leave_English_Chinese_and_missing_keys_as_they_are()
    {
        Assert.Equal("Save", In("en", () => Localizer()["Common_Save"].Value));
        Assert.Equal("Table 5", In("en", () => Localizer()["Seat_Table", 5].Value));
        Assert.Equal("保存", In("zh-Hans", () => Localizer()["Common_Save"].Value));
        Assert.Equal("No_Such_Key", In(PseudoLocale.Name, () => Localizer()["No_Such_Key"].Value));
        Assert.Equal("保存", In(PseudoLocale.Name, () => SharedResource.Get("Common_Save", "zh-Hans")));
    }

    [Fact]
    public void Should_give_a_page_read_in_the_pseudo_locale_its_English_texts_accented() =>
        Assert.Equal("[Šåṽé ··]", In(PseudoLocale.Name, () => SharedResource.Get("Common_Save", "en")));
}
