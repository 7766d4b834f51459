namespace ForumManager.Features.Zones;

public static class ZonesFeature
{
    /// <summary>Zones, their doors and who may pass them: the rule at a scan, who is inside, and the organizers' settings.</summary>
    public static IServiceCollection AddZones(this IServiceCollection services) =>
        services.AddScoped<ZoneAccess>().AddScoped<ZoneSettings>().AddSingleton<ZoneOccupancyGauge>();
}
