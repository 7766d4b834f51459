namespace ForumManager.Features.CheckIns;

public static class CheckInsFeature
{
    /// <summary>The desk: finding a delegate, checking them in at a checkpoint, and the counts.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services) => services.AddScoped<CheckInDesk>().AddScoped<DeskRoster>();
}
