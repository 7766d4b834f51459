using ForumManager.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForumManager.Features.Letters;

public static class LettersFeature
{
    /// <summary>Visa invitation letters, numbered by the delegate's reference, each issue audited.</summary>
    public static IServiceCollection AddLetters(this IServiceCollection services)
    {
        services.TryAddSingleton<DocumentHealth>();
        return services.AddScoped<VisaLetters>();
    }
}
