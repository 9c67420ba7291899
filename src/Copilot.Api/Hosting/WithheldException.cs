using System.Data.Common;
using System.Text;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Hosting;

/// <summary>
/// An exception as entries at Information and above carry it when its text may quote what came from outside: a
/// helpdesk's error text (which can name a requester or echo a field), a store's message (which can quote a
/// statement's values: feedback text, ticket ids), a model provider's response body. Its types, status codes and
/// stack traces are kept; the messages are withheld. Debug entries carry the exception as it is.
/// </summary>
public sealed class WithheldException : Exception
{
    private static readonly HashSet<string> QuotingTypes = new(StringComparer.Ordinal)
    {
        "System.ClientModel.ClientResultException",
        "Azure.RequestFailedException",
    };

    private readonly Exception _original;

    private WithheldException(Exception original) : base(Describe(original)) => _original = original;

    /// <summary>The exception an entry at <paramref name="level"/> may carry.</summary>
    public static Exception? ForLog(Exception? exception, LogLevel level) =>
        exception is null || level < LogLevel.Information || exception is WithheldException || !Quotes(exception) ? exception : new WithheldException(exception);

    /// <summary>Whether any exception of the chain carries text from outside.</summary>
    public static bool Quotes(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is HelpdeskException or DbException || QuotingTypes.Contains(e.GetType().FullName ?? ""))
            {
                return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Quotes))
            {
                return true;
            }
        }
        return false;
    }

    public override string? StackTrace => _original.StackTrace;

    public override string ToString()
    {
        var chain = new List<Exception>();
        for (Exception? e = _original; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }
        var text = new StringBuilder();
        foreach (var e in chain)
        {
            text.Append(text.Length == 0 ? "" : " ---> ").Append(e.GetType().FullName).Append(": ").Append(Describe(e));
        }
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            if (chain[i].StackTrace is { } trace)
            {
                text.AppendLine().Append(trace);
            }
            if (i > 0)
            {
                text.AppendLine().Append("   --- End of inner exception stack trace ---");
            }
        }
        return text.ToString();
    }

    /// <summary>What may be said of one exception: its type and, where it has them, its status or code.</summary>
    private static string Describe(Exception e) => e switch
    {
        HelpdeskException h => $"{h.Helpdesk} failed with status {h.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (no answer)"} (message withheld)",
        Microsoft.Data.Sqlite.SqliteException s => $"SQLite error {s.SqliteErrorCode} ({s.SqliteExtendedErrorCode}) (message withheld)",
        DbException d => $"store state {d.SqlState ?? "none"} (message withheld)",
        _ when Quotes(e) => $"{e.GetType().Name} (message withheld)",
        _ => e.Message,
    };
}
