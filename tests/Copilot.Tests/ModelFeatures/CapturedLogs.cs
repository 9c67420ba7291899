using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Copilot.Tests.ModelFeatures;

/// <summary>Every log entry the host writes, formatted as a console logger would, with its level and the text of each structured value.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text, IReadOnlyList<string> Values)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text, IReadOnlyList<string> Values)> Entries => [.. _entries];

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception),
                state is IReadOnlyList<KeyValuePair<string, object?>> values ? values.Select(v => v.Value?.ToString() ?? "").ToList() : []));
    }
}
