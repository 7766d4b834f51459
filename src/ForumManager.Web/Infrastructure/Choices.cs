using ForumManager.Core.Delegates;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Infrastructure;

/// <summary>The domain's lists as a form's options, each in the page's language.</summary>
public static class Choices
{
    /// <summary>
    /// The honorifics to choose from: the value is the form stored and printed on English documents ("Mr"), the text
    /// is in the page's language ("先生 (Mr)" on a Chinese page).
    /// </summary>
    public static IEnumerable<SelectListItem> Honorifics(IStringLocalizer localizer) =>
        DelegateChoices.Honorifics.Select(h => new SelectListItem(localizer["Honorific_" + new string([.. h.Where(char.IsLetter)])], h));
}
