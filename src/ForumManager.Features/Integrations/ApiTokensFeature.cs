namespace ForumManager.Features.Integrations;

public static class ApiTokensFeature
{
    /// <summary>API tokens: issuing and revoking them, and the log of their uses written behind the requests.</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services) =>
        services.AddScoped<ApiTokenIssuer>()
            .AddSingleton<ApiTokenUseLog>()
            .AddHostedService(sp => sp.GetRequiredService<ApiTokenUseLog>());
}
