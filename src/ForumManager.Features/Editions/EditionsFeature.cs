namespace ForumManager.Features.Editions;

public static class EditionsFeature
{
    /// <summary>The forum's editions: their status, cloning one into the next, inviting last edition's heads, the public archive.</summary>
    public static IServiceCollection AddEditions(this IServiceCollection services) => services
        .AddScoped<ForumEditions>()
        .AddScoped<EditionCloner>()
        .AddScoped<LastEditionHeads>()
        .AddScoped<EditionArchive>();
}
