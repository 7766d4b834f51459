namespace ForumManager.Features.Privacy;

public static class PrivacyFeature
{
    /// <summary>Personal data encrypted at rest, and purged when its time is up.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services) => services
        .AddSingleton<PersonalData>()
        .AddScoped<PersonalDataPurge>();
}
