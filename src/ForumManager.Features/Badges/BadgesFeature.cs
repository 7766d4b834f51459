using ForumManager.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForumManager.Features.Badges;

public static class BadgesFeature
{
    /// <summary>One badge, and batches of badges made in the background into one PDF.</summary>
    public static IServiceCollection AddBadges(this IServiceCollection services)
    {
        // The documents' own health (fonts found, pages that fit) is shared by every feature that prints.
        services.TryAddSingleton<DocumentHealth>();
        return services
            .AddScoped<BadgeSource>()
            .AddSingleton<BadgeBatches>()
            .AddHostedService<BadgeBatchService>();
    }
}
