using System.Reflection;

namespace ForumManager.Features.Tests;

public sealed class FeatureLayerTests
{
    private static readonly Assembly Features = typeof(FieldErrors).Assembly;

    [Fact]
    public void Should_reach_no_web_framework_assembly_and_never_the_web_project()
    {
        // Identity's stores and Data Protection are libraries of their own (NuGet packages); what serves requests,
        // pages, routing or hosting is not, and the project does not even reference the framework that holds it.
        string[] allowed = ["Microsoft.AspNetCore.DataProtection", "Microsoft.AspNetCore.Identity.EntityFrameworkCore", "Microsoft.AspNetCore.Cryptography"];
        var references = Features.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("ForumManager.Web", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && !allowed.Any(a => r.StartsWith(a, StringComparison.Ordinal)));
        Assert.Contains("ForumManager.Data", references);
    }

    [Fact]
    public void Should_give_every_feature_folder_its_own_registration()
    {
        var folders = Features.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("ForumManager.Features.", StringComparison.Ordinal)).Select(n => n.Split('.')[2]).Distinct().ToList();
        var registered = Features.GetTypes().Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Feature", StringComparison.Ordinal))
            .Select(t => t.Namespace!.Split('.')[2]).ToHashSet();

        // Shared words (dates, language names) and the read-only reports and exports are used by others, not registered.
        string[] shared = ["Text", "Reports", "Delegates"];
        Assert.Empty(folders.Except(registered).Except(shared));
    }
}
