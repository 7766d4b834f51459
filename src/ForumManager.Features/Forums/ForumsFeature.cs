using ForumManager.Features.Instances;

namespace ForumManager.Features.Forums;

public static class ForumsFeature
{
    /// <summary>The edition the site shows, its headline figures, and links to it for mails.</summary>
    public static IServiceCollection AddForums(this IServiceCollection services) => services
        .AddInstances()
        .AddScoped<CurrentForum>()
        .AddScoped<ForumSettings>()
        .AddSingleton<PublicLinks>()
        .AddSingleton<HomeFiguresCache>();
}
