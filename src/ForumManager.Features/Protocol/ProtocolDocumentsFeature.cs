using ForumManager.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForumManager.Features.Protocol;

public static class ProtocolDocumentsFeature
{
    /// <summary>The seating documents of a session, the forums' speaking order and their run-of-show.</summary>
    public static IServiceCollection AddProtocolDocuments(this IServiceCollection services)
    {
        services.TryAddSingleton<DocumentHealth>();
        return services
            .AddScoped<SeatingDocuments>()
            .AddScoped<SpeakingOrder>();
    }
}
