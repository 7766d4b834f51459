using System.Globalization;
using ForumManager.Features.Programme;
using Microsoft.AspNetCore.OutputCaching;

namespace ForumManager.Web.Pages.Agenda;

/// <summary>
/// The public agenda and its exports are the same for every anonymous visitor in one language, so their responses
/// are kept in memory and served again without rendering, until the next release evicts them (tag
/// <see cref="Tag"/>). Signed-in visitors, and visitors with a status message waiting, always get a fresh page.
/// </summary>
public sealed class AgendaOutputCache : IOutputCachePolicy
{
    public const string PolicyName = "agenda";
    public const string Tag = "agenda";
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <summary>Short, because another app instance learns of a release only when its copy expires.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        cacheable &= context.HttpContext.User.Identity?.IsAuthenticated != true && !request.Cookies.ContainsKey(TempDataCookie);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // A response that sets a cookie or failed is one visitor's own; it is never kept.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A release drops the agenda pages this instance keeps.</summary>
public sealed class AgendaOutputCacheEviction(IOutputCacheStore pages) : IProgrammeReleaseListener
{
    public Task ReleasedAsync(int forumId, CancellationToken ct) => pages.EvictByTagAsync(AgendaOutputCache.Tag, ct).AsTask();
}
