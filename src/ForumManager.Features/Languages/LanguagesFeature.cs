using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForumManager.Features.Languages;

public static class LanguagesFeature
{
    /// <summary>An edition's texts in its further languages, the translators' report and files (notices need them too, so adding twice is harmless).</summary>
    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.TryAddScoped<ContentCatalogue>();
        services.TryAddScoped<ContentTexts>();
        services.TryAddScoped<TranslationReport>();
        return services;
    }
}
