using System.Net;
using System.Net.Sockets;

namespace Copilot.Api.Privacy;

/// <summary>
/// IPv6 addresses ("2001:db8:85a3::8a2e:370:7334", "fe80::1ff:fe23:4567:890a", "::ffff:192.0.2.128"), found from their
/// colons: a run of hex digits, colons and dots around each colon, kept when it parses as an IPv6 address with at
/// least three groups. Clock times ("10:30:45") and MAC addresses do not parse; "::1" has too few groups to name anyone.
/// </summary>
internal static class PiiIpv6
{
    private const int MaxLength = 45;

    public static void Scan(string text, List<PiiSpan> spans)
    {
        for (var colon = text.IndexOf(':'); colon >= 0; colon = text.IndexOf(':', colon + 1))
        {
            var start = colon;
            while (start > 0 && colon - start < MaxLength && (char.IsAsciiHexDigit(text[start - 1]) || text[start - 1] == ':'))
            {
                start--;
            }
            var end = colon + 1;
            while (end < text.Length && end - start < MaxLength && (char.IsAsciiHexDigit(text[end]) || text[end] is ':' or '.'))
            {
                end++;
            }
            while (end > colon + 1 && text[end - 1] == '.' || end > colon + 2 && text[end - 1] == ':' && text[end - 2] != ':')
            {
                end--;
            }
            if (IsAddress(text, start, end) && PiiScanner.Add(spans, start, end - start, PiiKind.IpAddress))
            {
                colon = end - 1;
            }
        }
    }

    private static bool IsAddress(string text, int start, int end)
    {
        if (end - start < 6 || (start > 0 && char.IsLetterOrDigit(text[start - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end])))
        {
            return false;
        }
        var candidate = text.AsSpan(start, end - start);
        var groups = 0;
        foreach (var range in candidate.Split(':'))
        {
            groups += candidate[range].Length > 0 ? 1 : 0;
        }
        // An IPv4 address at the end ("::ffff:192.0.2.128") stands for two groups.
        groups += candidate.Contains('.') ? 1 : 0;
        return groups >= 3 && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
