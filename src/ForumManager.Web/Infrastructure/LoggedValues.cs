using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Every log message, every value a message carries and every logged exception's message is cut to
/// <see cref="MaxLength"/> characters, whichever provider writes it (console, debug, event source, or one a host adds):
/// a request carrying a 200 KB value once wrote 200 KB lines, and a log that fills the disk loses what matters.
/// The cut is applied where loggers are made, so no provider sees the whole value.
/// </summary>
public static class LoggedValues
{
    public const int MaxLength = 500;

    public static ILoggingBuilder CapLoggedValues(this ILoggingBuilder logging)
    {
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new CappingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
        return logging;
    }

    /// <summary>The text, or its first characters and how long it was, in at most <see cref="MaxLength"/> characters.</summary>
    public static string Cap(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var note = string.Create(CultureInfo.InvariantCulture, $"… ({text.Length} characters, cut)");
        var keep = MaxLength - note.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), note);
    }

    /// <summary>Numbers, dates and the like stay as they are for structured logs; anything else becomes capped text.</summary>
    internal static object? CapValue(object? value) => value switch
    {
        null => null,
        string text => Cap(text),
        Enum or decimal or DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Guid => value,
        _ when value.GetType().IsPrimitive => value,
        _ => Cap(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private sealed class CappingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

        public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new CappingLogger(inner.CreateLogger(name)));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class CappingLogger(ILogger inner) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(new CappedState(state, null));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = Cap(formatter(state, exception));
            inner.Log(logLevel, eventId, new CappedState(state, message), exception is null ? null : new LoggedException(exception),
                static (capped, _) => capped.ToString());
        }
    }

    /// <summary>A message's or a scope's values, each capped, and its text capped.</summary>
    private sealed class CappedState(object? state, string? message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values = state is IEnumerable<KeyValuePair<string, object?>> values
            ? values.Select(v => new KeyValuePair<string, object?>(v.Key, CapValue(v.Value))).ToArray()
            : [];

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message ?? Cap(state?.ToString() ?? string.Empty);
    }

    /// <summary>
    /// What providers see of a logged exception: its type, capped message and stack trace, and the same for the
    /// exceptions inside it. Each line is capped, so a message quoting a request's input cannot make a line long.
    /// </summary>
    private sealed class LoggedException(Exception original) : Exception(Cap(original.Message))
    {
        public override string? StackTrace => original.StackTrace;

        public override string ToString()
        {
            var text = new StringBuilder();
            Describe(text, original, string.Empty);
            return text.ToString();
        }

        private static void Describe(StringBuilder text, Exception exception, string lead)
        {
            text.Append(Cap($"{lead}{exception.GetType().FullName}: {exception.Message}"));
            if (exception.InnerException is { } inner)
            {
                text.AppendLine();
                Describe(text, inner, " ---> ");
                text.AppendLine().Append("   --- End of inner exception stack trace ---");
            }

            foreach (var line in (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                text.AppendLine().Append(Cap("   " + line));
            }
        }
    }
}
