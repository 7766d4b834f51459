using Microsoft.Extensions.Options;

namespace ForumManager.Features.Forums;

/// <summary>Absolute links for emails, built on <c>Forum:PublicBaseUrl</c> rather than on whatever host a request came in on.</summary>
public sealed class PublicLinks(IOptions<ForumOptions> options)
{
    public string To(string path, IDictionary<string, string?>? query = null)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var url = baseUrl + "/" + path.TrimStart('/');
        if (query is null)
        {
            return url;
        }

        var pairs = query.Where(p => p.Value is not null).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return pairs.Count == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", pairs);
    }
}
