namespace ForumManager.Features.Accreditation;

public static class AccreditationFeature
{
    /// <summary>Delegates' photos: taken, reduced and stripped of metadata, encrypted at rest, reviewed by organizers.</summary>
    public static IServiceCollection AddAccreditation(this IServiceCollection services) => services
        .AddSingleton<PhotoVault>()
        .AddScoped<AccreditationPhotos>();
}
