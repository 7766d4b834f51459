using ForumManager.Web.Cli;
using ForumManager.Web.Infrastructure;

var verb = ForumCommandLine.FindVerb(args);
var builder = WebApplication.CreateBuilder(ForumCommandLine.ConfigurationArguments(args));
builder.AddForumServices(runBackgroundWork: verb is null);
var app = builder.Build();

if (verb is not null)
{
    return await ForumCommandLine.RunAsync(app.Services, verb, args, Console.In, Console.Out, Console.Error);
}

await app.PrepareDatabaseAsync();
app.UseForumPipeline();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
