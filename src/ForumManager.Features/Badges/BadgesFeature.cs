using ForumManager.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForumManager.Features.Badges;

public static class BadgesFeature
{
    /// <summary>One badge, and batches of badges made in the background into one PDF, by whichever instance claims them.</summary>
    public static IServiceCollection AddBadges(this IServiceCollection services)
    {
        // The documents' own health (fonts found, pages that fit) is shared by every feature that prints.
        services.TryAddSingleton<DocumentHealth>();
        services.AddOptions<BadgeBatchOptions>().BindConfiguration(BadgeBatchOptions.Section);
        return services
            .AddScoped<BadgeSource>()
            .AddScoped<BadgeBatches>()
            .AddSingleton<BadgeBatchSignal>()
            .AddHostedService<BadgeBatchService>();
    }
}
