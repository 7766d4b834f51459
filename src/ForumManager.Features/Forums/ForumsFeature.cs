using Microsoft.Extensions.DependencyInjection.Extensions;
using ForumManager.Features.Instances;

namespace ForumManager.Features.Forums;

public static class ForumsFeature
{
    /// <summary>The edition the site shows, its headline figures, and links to it for mails.</summary>
    public static IServiceCollection AddForums(this IServiceCollection services)
    {
        // The web project puts a person's chosen edition in place of this; without it every one works on the public edition.
        services.TryAddSingleton<IChosenEdition>(NoChosenEdition.Instance);
        return services
            .AddInstances()
            .AddScoped<CurrentForum>()
            .AddScoped<ForumSettings>()
            .AddSingleton<PublicLinks>()
            .AddSingleton<HomeFiguresCache>();
    }
}
