namespace ForumManager.Features.Delegates;

public static class DelegatesFeature
{
    /// <summary>Delegates' records as outside systems read them.</summary>
    public static IServiceCollection AddDelegates(this IServiceCollection services) => services
        .AddScoped<DelegateRecords>();
}
