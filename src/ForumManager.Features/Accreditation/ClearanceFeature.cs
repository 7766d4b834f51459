namespace ForumManager.Features.Accreditation;

public static class ClearanceFeature
{
    /// <summary>The list for the security office and its answer read back.</summary>
    public static IServiceCollection AddClearance(this IServiceCollection services) => services
        .AddScoped<ClearanceExchange>();
}
