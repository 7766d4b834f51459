using ForumManager.Testing;
using System.Text.RegularExpressions;

namespace ForumManager.Web.Tests;

/// <summary>Rules the code keeps everywhere, read from the sources themselves.</summary>
public sealed partial class SourceRulesTests
{
    [Fact]
    public void Should_read_the_time_only_from_the_TimeProvider()
    {
        // A clock read straight from the system cannot be set by a test, a reminder or a replay; TimeProvider can.
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => SystemClock().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryFolder.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "the system clock read directly:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Should_let_every_async_page_handler_be_cancelled_with_its_request()
    {
        // A handler without the request's token keeps querying and rendering for a browser that has gone away.
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Root, "src", "ForumManager.Web"), "*.cshtml.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => AsyncHandler().Matches(File.ReadAllText(f))
                .Where(m => !m.Groups["parameters"].Value.Contains("CancellationToken", StringComparison.Ordinal))
                .Select(m => $"{Path.GetRelativePath(RepositoryFolder.Root, f)}: {m.Groups["name"].Value}"))
            .ToList();

        Assert.True(offenders.Count == 0, "async page handlers without a CancellationToken:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Should_keep_every_page_model_short_with_its_rules_in_the_features()
    {
        // A page model binds, calls a feature and answers; one that grows past a screenful is holding a use case.
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Root, "src", "ForumManager.Web"), "*.cshtml.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(RepositoryFolder.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 200)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.True(offenders.Count == 0, "page models over 200 lines:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Should_keep_no_folder_of_services_beside_the_pages()
    {
        // The web project holds pages and what serves them; a use case lives in ForumManager.Features.
        string[] allowed = ["Api", "Areas", "Cli", "Infrastructure", "Pages", "Properties", "wwwroot", "App_Data", "bin", "obj"];
        var folders = Directory.EnumerateDirectories(Path.Combine(RepositoryFolder.Root, "src", "ForumManager.Web")).Select(Path.GetFileName).OfType<string>();

        Assert.Empty(folders.Except(allowed));
    }

    // The parameters run to the parenthesis that closes the list, allowing attributes with parentheses of their own.
    [GeneratedRegex(@"public\s+async\s+Task(<[^>]+>)?\s+(?<name>On(Get|Post)\w*)\s*\((?<parameters>(?>[^()]+|\((?<depth>)|\)(?<-depth>))*)\)")]
    private static partial Regex AsyncHandler();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b")]
    private static partial Regex SystemClock();
}
