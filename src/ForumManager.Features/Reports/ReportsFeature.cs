namespace ForumManager.Features.Reports;

public static class ReportsFeature
{
    /// <summary>The organizers' reports, as pages and files kept a few seconds in the hybrid cache.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddHybridCache();
        return services.AddScoped<ReportCache>();
    }
}
