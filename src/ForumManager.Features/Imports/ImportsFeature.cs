namespace ForumManager.Features.Imports;

public static class ImportsFeature
{
    /// <summary>Delegates and invitations from a spreadsheet: checked row by row, then imported in one transaction.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services) => services.AddScoped<Importer>();
}
