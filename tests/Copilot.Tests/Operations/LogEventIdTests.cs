using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Copilot.Tests.Operations;

/// <summary>Operators filter and alert on log event ids: each names one message in the whole application.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void EveryLogEventIdNamesOneMessage()
    {
        var messages = new[] { typeof(Program).Assembly, typeof(Copilot.Connectors.Helpdesk.HelpdeskKinds).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is { EventId: > 0 })
            .ToList();

        Assert.True(messages.Count > 30, $"found only {messages.Count} log messages");
        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        Assert.True(shared.Count == 0, "Log event ids used twice: " + string.Join("; ", shared));
    }
}
