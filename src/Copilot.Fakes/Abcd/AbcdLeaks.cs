using System.Globalization;
using System.Text.RegularExpressions;

namespace Copilot.Fakes.Abcd;

/// <summary>
/// What identifies each ABCD chat's customer and case, and a check that a text holds none of another chat's:
/// names, username, email, order and account ids, PIN and security answer (from the scenario), passwords and
/// codes an agent gave out and amounts of the products or of a refund (from the agent's turns).
/// A value the chat shares with the other chat (the same customer name) is that chat's own, not a leak; a value the
/// guideline articles state (a price, a policy's amount) is public, not a customer's.
/// </summary>
public sealed partial class AbcdLeaks
{
    private readonly List<HashSet<string>> _secrets;

    public AbcdLeaks(AbcdChats chats)
    {
        // What the knowledge base itself states ("the yearly plan costs $99") belongs to no customer.
        var published = string.Join("\n", chats.Guidelines.Select(g => g.Title + "\n" + g.Text));
        _secrets = chats.Chats.Select(c => Secrets(c).Where(s => !Contains(published, s)).ToHashSet(StringComparer.OrdinalIgnoreCase)).ToList();
    }

    public IReadOnlySet<string> SecretsOf(int chat) => _secrets[chat];

    /// <summary>The other chats' values found in <paramref name="text"/> (whole words, any case).</summary>
    public IReadOnlyList<string> Find(string text, int ownChat)
    {
        var own = _secrets[ownChat];
        return _secrets.Where((_, i) => i != ownChat).SelectMany(s => s).Where(s => !own.Contains(s)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(s => Contains(text, s))
            .ToList();
    }

    /// <summary>The chat's own values found in <paramref name="text"/>.</summary>
    public IReadOnlyList<string> FindOwn(string text, int chat) => _secrets[chat].Where(s => Contains(text, s)).ToList();

    private static bool Contains(string text, string value) =>
        Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(value) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static HashSet<string> Secrets(AbcdChat chat)
    {
        var secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && value.Trim().Length >= 3)
            {
                secrets.Add(value.Trim());
            }
        }
        Add(chat.CustomerName);
        foreach (var part in chat.CustomerName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Add(part);
        }
        foreach (var key in new[] { "username", "email", "order_id", "account_id", "pin_number", "security_answer" })
        {
            Add(chat.Fields.GetValueOrDefault(key));
        }
        foreach (var amount in chat.Amounts)
        {
            Add("$" + amount.ToString("0.##", CultureInfo.InvariantCulture));
        }
        foreach (var turn in chat.AgentTurns)
        {
            foreach (Match m in Credential().Matches(turn))
            {
                Add(m.Groups["v"].Value);
            }
            if (Refund().IsMatch(turn))
            {
                foreach (Match m in Dollars().Matches(turn))
                {
                    Add(m.Value);
                }
            }
        }
        return secrets;
    }

    [GeneratedRegex(@"(password|username|user name|code|pin)\s+is\s+(?<v>[a-z0-9]*\d[a-z0-9]*)|(?<v>[a-z0-9]*\d[a-z0-9]*)\s+is\s+your\s+(new\s+)?(password|username|code)", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();

    [GeneratedRegex(@"refund|credit|charged|reimburse", RegexOptions.IgnoreCase)]
    private static partial Regex Refund();

    [GeneratedRegex(@"\$\d+(\.\d\d)?")]
    private static partial Regex Dollars();
}
