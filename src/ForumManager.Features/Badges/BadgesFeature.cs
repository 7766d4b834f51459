namespace ForumManager.Features.Badges;

public static class BadgesFeature
{
    /// <summary>One badge, and batches of badges made in the background into one PDF.</summary>
    public static IServiceCollection AddBadges(this IServiceCollection services) => services
        .AddScoped<BadgeSource>()
        .AddSingleton<BadgeBatches>()
        .AddHostedService<BadgeBatchService>();
}
