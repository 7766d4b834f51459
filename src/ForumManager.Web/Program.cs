using ForumManager.Web.Cli;
using ForumManager.Web.Infrastructure;
using Microsoft.Extensions.Options;

var verb = ForumCommandLine.FindVerb(args);
var builder = WebApplication.CreateBuilder(ForumCommandLine.ConfigurationArguments(args));
try
{
    builder.AddForumServices(runBackgroundWork: verb is null);
}
catch (OptionsValidationException e)
{
    // A setting the operator must give (the key ring's certificate in Production): say which, without a stack trace.
    await Console.Error.WriteLineAsync($"ForumManager cannot start: {e.Message}");
    return 1;
}

var app = builder.Build();

if (verb is not null)
{
    return await ForumCommandLine.RunAsync(app.Services, verb, args, Console.In, Console.Out, Console.Error);
}

try
{
    await app.PrepareDatabaseAsync();
}
catch (OptionsValidationException e)
{
    // Stored keys that no configured certificate decrypts: say which certificate is missing, without a stack trace.
    await Console.Error.WriteLineAsync($"ForumManager cannot start: {e.Message}");
    return 1;
}

app.UseForumPipeline();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
