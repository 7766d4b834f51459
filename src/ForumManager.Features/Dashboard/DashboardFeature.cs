namespace ForumManager.Features.Dashboard;

public static class DashboardFeature
{
    /// <summary>The organizers' overview figures, cached for a few seconds in the hybrid cache (shared through Redis when configured).</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddHybridCache();
        return services.AddScoped<DashboardCounts>();
    }
}
