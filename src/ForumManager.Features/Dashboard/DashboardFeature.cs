using ForumManager.Features.Instances;

namespace ForumManager.Features.Dashboard;

public static class DashboardFeature
{
    /// <summary>The organizers' overview figures, cached for a few seconds in the hybrid cache (shared through Redis when configured).</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        // A report of 100,000 delegates as a file is a few megabytes: kept whole, in memory and in Redis.
        services.AddHybridCache(o => o.MaximumPayloadBytes = 32 * 1024 * 1024);
        services.AddInstances();
        services.AddHostedService<CachedCountsEviction>();
        return services.AddScoped<DashboardCounts>();
    }
}
