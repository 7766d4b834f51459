using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Infrastructure;

/// <summary>Absolute links for emails, built on <c>Forum:PublicBaseUrl</c> rather than on whatever host a request came in on.</summary>
public sealed class PublicLinks(IOptions<ForumOptions> options)
{
    public string To(string path, IDictionary<string, string?>? query = null)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var url = baseUrl + "/" + path.TrimStart('/');
        return query is null ? url : QueryHelpers.AddQueryString(url, query);
    }
}
