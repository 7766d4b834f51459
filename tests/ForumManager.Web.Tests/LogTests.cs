using System.Collections.Concurrent;
using System.Net;
using ForumManager.Testing;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForumManager.Web.Tests;

/// <summary>Everything the app logs, as a log provider receives it: the message, its values, the exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue(new Entry(category, formatter(state, exception),
                state as IReadOnlyList<KeyValuePair<string, object?>> ?? [], exception));
    }
}

/// <summary>An app that logs every request and has a path failing with an error that quotes its input, as parsers do.</summary>
public sealed class LoggingAppFixture : ForumAppFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forum:DemoDelegates"] = "3",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting"] = "Information",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(Logs);
            s.AddTransient<IStartupFilter, QuotingPathFilter>();
        });
    }

    private sealed class QuotingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/test/parse"
                ? throw new FormatException($"The value '{context.Request.Query["value"]}' is not a date.", new ArgumentException($"Bad input: {context.Request.Query["value"]}"))
                : Task.CompletedTask);
        };
    }
}

public sealed class LogTests(LoggingAppFixture app) : IClassFixture<LoggingAppFixture>
{
    [Fact]
    public async Task Should_cut_every_logged_message_value_and_error_to_a_few_hundred_characters()
    {
        var huge = new string('x', 200_000);

        var response = await Clients.Anonymous(app).GetAsync("/test/parse?value=" + huge);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var entries = app.Logs.Entries.ToList();
        var error = entries.FirstOrDefault(e => e.Exception is not null && e.Exception.Message.StartsWith("The value 'xxx", StringComparison.Ordinal));
        Assert.NotNull(error);
        Assert.Contains(entries, e => e.Message.StartsWith("Request starting", StringComparison.Ordinal) && e.Message.Contains("characters, cut)", StringComparison.Ordinal));
        Assert.Contains("Bad input: xxx", error.Exception!.ToString(), StringComparison.Ordinal);
        Assert.All(entries, entry =>
        {
            Assert.InRange(entry.Message.Length, 0, LoggedValues.MaxLength);
            Assert.All(entry.Values, v => Assert.InRange(Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)?.Length ?? 0, 0, LoggedValues.MaxLength));
            if (entry.Exception is { } exception)
            {
                Assert.InRange(exception.Message.Length, 0, LoggedValues.MaxLength);
                Assert.All(exception.ToString().Split('\n'), line => Assert.InRange(line.Length, 0, LoggedValues.MaxLength));
            }
        });
    }
}
