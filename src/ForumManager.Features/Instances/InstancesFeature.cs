using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForumManager.Features.Instances;

public static class InstancesFeature
{
    /// <summary>
    /// Signals between app instances and the caches they forget together. One instance is served in process; the web
    /// host puts Redis in its place when <c>Redis:Configuration</c> is set.
    /// </summary>
    public static IServiceCollection AddInstances(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.TryAddSingleton<IInstanceSignals, LocalSignals>();
        services.TryAddSingleton<InstanceCaches>();
        services.TryAddSingleton<ChangeSignals>();
        return services;
    }
}
