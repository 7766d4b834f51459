namespace ForumManager.Features.Languages;

public static class LanguagesFeature
{
    /// <summary>An edition's texts in its further languages, the translators' report and files.</summary>
    public static IServiceCollection AddLanguages(this IServiceCollection services) => services
        .AddScoped<ContentCatalogue>()
        .AddScoped<ContentTexts>()
        .AddScoped<TranslationReport>();
}
