using System.Text.Encodings.Web;
using ForumManager.Core.Languages;
using ForumManager.Features.Forums;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// <c>&lt;message-language-options selected="..."/&gt;</c> inside a language select: the edition's languages, each in
/// its own name and script, English and Chinese first. A language the edition no longer publishes in stays listed while
/// it is the one chosen, so saving the form does not change it unasked.
/// </summary>
[HtmlTargetElement("message-language-options", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MessageLanguageOptions(CurrentForum current) : TagHelper
{
    public string? Selected { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var forum = await current.GetAsync(CancellationToken.None);
        var codes = ContentLanguages.Of(forum?.FurtherLanguages).ToList();
        if (ContentLanguages.Find(Selected) is { } chosen && !codes.Contains(chosen.Code))
        {
            codes.Add(chosen.Code);
        }

        foreach (var code in codes)
        {
            var language = ContentLanguages.Find(code)!;
            var selected = string.Equals(code, Selected, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty;
            var name = code == ContentLanguages.Chinese ? "简体中文" : language.Native;
            output.Content.AppendHtml($"<option value=\"{HtmlEncoder.Default.Encode(code)}\" lang=\"{code}\"{selected}>{HtmlEncoder.Default.Encode(name)}</option>");
        }
    }
}
