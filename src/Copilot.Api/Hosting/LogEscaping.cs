using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Hosting;

/// <summary>
/// Request input (a URL path, a route value, a header) reaches log entries. Its control
/// characters — CR and LF that would forge a new log line, ESC that drives a terminal, and the
/// Unicode line separators and bidirectional overrides that hide text — are escaped
/// (<c>\r</c>, <c>\n</c>, <c>\u001B</c>) in every entry before any provider (console text or
/// JSON, OpenTelemetry, tests' captures) sees it: in the message, in each structured value and
/// in scopes. An exception's stack trace is passed on as it is; its text too, unless it may quote a helpdesk's, a
/// store's or a model provider's words and the entry is at Information or above (<see cref="WithheldException"/>).
/// </summary>
public static class LogEscaping
{
    /// <summary>
    /// Wraps the logger factory the host builds, the one logging registration replaced on purpose:
    /// the providers stay as configured (<c>Logging:*</c>), only what they receive is escaped.
    /// </summary>
    public static WebApplicationBuilder AddLogEscaping(this WebApplicationBuilder builder)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new EscapingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
        return builder;
    }

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)
            .Concat("\u061C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069").ToArray());

    /// <summary>The text with every unsafe character escaped; the same instance when there is none.</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            _ = c switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ when Unsafe.Contains(c) => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }

    /// <summary>A structured value as providers will print it: strings escaped, other values as they are unless their text needs escaping.</summary>
    private static object? EscapeValue(object? value)
    {
        switch (value)
        {
            case null or bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
                or DateTime or DateTimeOffset or TimeSpan or Guid or Enum:
                return value;
            case string s:
                return Escape(s);
            default:
                var text = value.ToString();
                return text is not null && Escape(text) is var escaped && !ReferenceEquals(escaped, text) ? escaped : value;
        }
    }

    private sealed class EscapingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new EscapingLogger(inner.CreateLogger(categoryName));
        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);
        public void Dispose() => inner.Dispose();
    }

    private sealed class EscapingLogger(ILogger inner) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            inner.BeginScope(new Escaped<TState>(state, null, static (s, _) => s?.ToString() ?? ""));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (inner.IsEnabled(logLevel))
            {
                var logged = WithheldException.ForLog(exception, logLevel);
                inner.Log(logLevel, eventId, new Escaped<TState>(state, logged, formatter), logged, Escaped<TState>.Format);
            }
        }
    }

    /// <summary>An entry's state with its text and values escaped, computed when a provider asks.</summary>
    private sealed class Escaped<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public static readonly Func<Escaped<TState>, Exception?, string> Format = static (e, _) => e.Text;

        private readonly IReadOnlyList<KeyValuePair<string, object?>>? _values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        private string? _text;

        public string Text => _text ??= Escape(formatter(state, exception));

        public int Count => _values?.Count ?? 0;

        public KeyValuePair<string, object?> this[int index]
        {
            get
            {
                var (key, value) = _values![index];
                // The template is the code's own text, not input.
                return new(key, key == "{OriginalFormat}" ? value : EscapeValue(value));
            }
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Text;
    }
}
