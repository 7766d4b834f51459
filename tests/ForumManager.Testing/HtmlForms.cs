using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ForumManager.Testing;

/// <summary>Reads pages and submits their real forms, antiforgery token included, as a browser would.</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Fills the form that <paramref name="formSelector"/> picks on the page at <paramref name="url"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> values,
        string formSelector = "main form[method=post]", string? submitName = null, string? submitValue = null, string? button = null)
    {
        var page = await GetPageAsync(client, url);
        return await SubmitAsync(client, page, url, values, formSelector, submitName, submitValue, button);
    }

    /// <summary>What a browser would send for <paramref name="form"/> as it stands: its fields, checked boxes and chosen options (no buttons).</summary>
    public static List<KeyValuePair<string, string>> DefaultValues(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new(input.Name, input.Value));
                        }
                    }
                    else if (input.Type is not ("submit" or "button"))
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
            }
        }

        return fields;
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, string pageUrl, IReadOnlyDictionary<string, string> values,
        string formSelector = "main form[method=post]", string? submitName = null, string? submitValue = null, string? button = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var fields = DefaultValues(form).Where(f => !values.ContainsKey(f.Key)).ToList();
        fields.AddRange(values);
        if (submitName is not null)
        {
            fields.Add(new(submitName, submitValue ?? string.Empty));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        if (button is not null)
        {
            // The button pressed decides where the form goes when it has a formaction (one form, several handlers).
            var pressed = form.QuerySelector(button) ?? throw new InvalidOperationException($"No button '{button}' in the form on {pageUrl}");
            action = pressed.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : action;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
