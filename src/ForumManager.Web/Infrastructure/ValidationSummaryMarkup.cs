using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's validation summary, when there is nothing to say, holds an empty item hidden by a style attribute,
/// which the Content-Security-Policy (no inline styles) refuses and reports on every such page. The same item is hidden
/// here by the <c>hidden</c> attribute, which means the same to browsers, screen readers and the validation script.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryMarkup : TagHelper
{
    private const string StyledItem = "<li style=\"display:none\"></li>";

    // After the framework's own validation summary (Order -1000) has written its list.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var list = output.PostContent.GetContent();
        if (list.Contains(StyledItem, StringComparison.Ordinal))
        {
            output.PostContent.SetHtmlContent(list.Replace(StyledItem, "<li hidden></li>", StringComparison.Ordinal));
        }
    }
}
