using System.Text.RegularExpressions;

namespace Copilot.Api.Privacy;

/// <summary>A finding: where, how long, what (null: placeholder-shaped text to defuse).</summary>
internal readonly record struct PiiSpan(int Start, int Length, PiiKind? Kind);

/// <summary>
/// Finds personal data by visiting only the positions where it can start: each '@' for emails, each colon
/// for IPv6 addresses, the words that name a credential, an identity document or a date of birth
/// (<see cref="PiiCues"/>), and each start of a digit run for everything else (IBANs, cards, identity numbers,
/// addresses, postcodes, post office boxes and phones all contain digits). Per digit run the kinds
/// are tried from the most to the least certain, so a card number is never taken for a phone.
/// Linear in the text; the anchored patterns run a few characters each.
/// </summary>
internal static class PiiScanner
{
    public static List<PiiSpan> Scan(string text) => Scan(text, []);

    /// <param name="names">Names to find as whole words, longest first (<see cref="RedactionMap.Names"/>).</param>
    public static List<PiiSpan> Scan(string text, IReadOnlyList<string> names)
    {
        var spans = new List<PiiSpan>();
        if (text.Contains('['))
        {
            foreach (var m in RedactionMap.Placeholder().EnumerateMatches(text))
            {
                spans.Add(new PiiSpan(m.Index, m.Length, null));
            }
        }
        ScanEmails(text, spans);
        ScanNames(text, names, spans);
        PiiCues.Scan(text, spans);
        if (text.Contains(':'))
        {
            PiiIpv6.Scan(text, spans);
        }
        var span = text.AsSpan();
        for (var i = 0; i < text.Length;)
        {
            var found = span[i..].IndexOfAnyInRange('0', '9');
            if (found < 0)
            {
                break;
            }
            var start = i + found;
            var end = start + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
            if (!Overlaps(spans, start, 1))
            {
                TryDigitRun(text, start, spans);
            }
            i = end;
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    private static void ScanNames(string text, IReadOnlyList<string> names, List<PiiSpan> spans)
    {
        foreach (var name in names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var whole = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + name.Length == text.Length || !char.IsLetterOrDigit(text[at + name.Length]));
                if (whole && !Overlaps(spans, at, name.Length))
                {
                    spans.Add(new PiiSpan(at, name.Length, PiiKind.Name));
                }
            }
        }
    }

    private static void ScanEmails(string text, List<PiiSpan> spans)
    {
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && at - start < 64 && IsLocalPart(text[start - 1]))
            {
                start--;
            }
            while (start < at && !char.IsAsciiLetterOrDigit(text[start]))
            {
                start++;
            }
            var length = start < at ? MatchAt(PiiPatterns.Email(), text, start) : 0;
            if (length > 0 && !Overlaps(spans, start, length))
            {
                spans.Add(new PiiSpan(start, length, PiiKind.Email));
                at = start + length - 1;
            }
        }
    }

    private static void TryDigitRun(string text, int p, List<PiiSpan> spans)
    {
        if (text.AsSpan(p, Math.Min(4, text.Length - p)).Contains('.') && MatchAt(PiiPatterns.Ipv4(), text, p) is > 0 and var ip
            && IsAddressNotVersion(text.AsSpan(p, ip)) && Add(spans, p, ip, PiiKind.IpAddress))
        {
            return;
        }
        if (p >= 2 && char.IsAsciiLetterUpper(text[p - 2]) && char.IsAsciiLetterUpper(text[p - 1])
            && IbanLength(text, p - 2) is > 0 and var iban && Add(spans, p - 2, iban, PiiKind.Iban))
        {
            return;
        }
        if (DigitsAhead(text, p, 13) && MatchAt(PiiPatterns.Card(), text, p) is > 0 and var card
            && PiiChecks.IsCardNumber(text.AsSpan(p, card)) && Add(spans, p, card, PiiKind.Card))
        {
            return;
        }
        var id = PiiIdentityNumbers.At(text, p);
        if (id.Length > 0 && Add(spans, id.Start, id.Length, PiiKind.NationalId))
        {
            return;
        }
        var box = PiiAddresses.PostBox(text, p);
        if (box.Length > 0 && Add(spans, box.Start, box.Length, PiiKind.Address))
        {
            return;
        }
        var postcode = PiiPostcodes.At(text, p);
        if (postcode.Length > 0 && Add(spans, postcode.Start, postcode.Length, PiiKind.Address))
        {
            return;
        }
        // Both start with the house number followed by a word; skip the patterns when no word follows.
        if (WordFollows(text, p))
        {
            // "2311 1st ave" is both; the lower-case reading also takes a town, state and ZIP after it.
            var street = Math.Max(MatchAt(PiiPatterns.EnglishAddress(), text, p), PiiAddresses.LowerCaseStreet(text, p));
            if (street == 0)
            {
                street = MatchAt(PiiPatterns.FrenchAddress(), text, p);
            }
            if (street > 0 && Add(spans, p, street, PiiKind.Address))
            {
                return;
            }
        }
        var address = PiiAddresses.Germanic(text, p);
        if (address.Length == 0)
        {
            address = PiiAddresses.Spanish(text, p);
        }
        if (address.Length > 0 && Add(spans, address.Start, address.Length, PiiKind.Address))
        {
            return;
        }
        var phoneStart = p >= 1 && text[p - 1] is '+' or '(' ? p - 1 : p;
        if (MatchAt(PiiPatterns.Phone(), text, phoneStart) is > 0 and var phone && PiiChecks.IsPhone(text.AsSpan(phoneStart, phone)))
        {
            Add(spans, phoneStart, phone, PiiKind.Phone);
        }
    }

    /// <summary>"1.2.3.4" or "3.4.1.2" reads as a version; an address has an octet of two digits or more.</summary>
    private static bool IsAddressNotVersion(ReadOnlySpan<char> dotted)
    {
        foreach (var octet in dotted.Split('.'))
        {
            if (dotted[octet].Length >= 2)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Greedy groups can swallow a following uppercase word ("… 00 AB"); drop trailing groups until the checksum holds.</summary>
    private static int IbanLength(string text, int start)
    {
        var candidate = text.AsSpan(start, MatchAt(PiiPatterns.Iban(), text, start));
        for (var length = candidate.Length; length > 0; length = candidate[..length].LastIndexOf(' '))
        {
            if (PiiChecks.IsIban(candidate[..length]))
            {
                return length;
            }
        }
        return 0;
    }

    /// <summary>At least <paramref name="count"/> digits from <paramref name="p"/>, single spaces or dashes between them.</summary>
    private static bool DigitsAhead(string text, int p, int count)
    {
        var digits = 0;
        for (var i = p; i < text.Length && digits < count; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits++;
            }
            else if (text[i] is not (' ' or '-') || i + 1 >= text.Length || !char.IsAsciiDigit(text[i + 1]))
            {
                break;
            }
        }
        return digits >= count;
    }

    /// <summary>A letter within a few characters after the digit run ("12 Baker", "221B", "8 bis rue", "350 42nd").</summary>
    private static bool WordFollows(string text, int p)
    {
        var i = p;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        for (var limit = Math.Min(text.Length, i + 5); i < limit; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return true;
            }
            if (text[i] is not (' ' or '\t' or ',') && !char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        return false;
    }

    private static bool IsLocalPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    /// <summary>Length of <paramref name="pattern"/>'s match at exactly <paramref name="at"/>, 0 when none.</summary>
    internal static int MatchAt(Regex pattern, string text, int at)
    {
        foreach (var m in pattern.EnumerateMatches(text.AsSpan(), at))
        {
            return m.Index == at ? m.Length : 0;
        }
        return 0;
    }

    internal static bool Add(List<PiiSpan> spans, int start, int length, PiiKind kind)
    {
        if (Overlaps(spans, start, length))
        {
            return false;
        }
        spans.Add(new PiiSpan(start, length, kind));
        return true;
    }

    private static bool Overlaps(List<PiiSpan> spans, int start, int length)
    {
        foreach (var s in spans)
        {
            if (start < s.Start + s.Length && s.Start < start + length)
            {
                return true;
            }
        }
        return false;
    }
}
