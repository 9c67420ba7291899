namespace Copilot.Api.Privacy;

/// <summary>Checksums and shape rules that turn pattern candidates into findings.</summary>
internal static class PiiChecks
{
    /// <summary>Luhn over the digits of <paramref name="candidate"/>, which must hold 13–19 of them.</summary>
    public static bool IsCardNumber(ReadOnlySpan<char> candidate)
    {
        int sum = 0, count = 0;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (c is ' ' or '-')
            {
                continue;
            }
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            var d = c - '0';
            if (count++ % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        // All zeros passes Luhn but is nobody's card.
        return count is >= 13 and <= 19 && sum % 10 == 0 && sum > 0;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to 10–35, remainder mod 97 must be 1.</summary>
    public static bool IsIban(ReadOnlySpan<char> candidate)
    {
        Span<char> compact = stackalloc char[40];
        var length = 0;
        foreach (var c in candidate)
        {
            if (c == ' ')
            {
                continue;
            }
            if (length == compact.Length || !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
            compact[length++] = c;
        }
        if (length is < 15 or > 34 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }
        var remainder = 0;
        for (var i = 0; i < length; i++)
        {
            var c = compact[(i + 4) % length];
            remainder = char.IsAsciiDigit(c)
                ? (remainder * 10 + (c - '0')) % 97
                : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }

    /// <summary>
    /// International numbers (+ or 00) need 8–15 digits. National ones need a leading 0 or an area
    /// code in parentheses, or at least ten digits split by separators, so years, order numbers
    /// and quantities stay.
    /// </summary>
    public static bool IsPhone(ReadOnlySpan<char> candidate)
    {
        var digits = 0;
        var separators = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is ' ' or '.' or '-' or '/')
            {
                separators++;
            }
        }
        if (candidate.StartsWith('+'))
        {
            return digits is >= 8 and <= 15;
        }
        if (candidate.StartsWith("00"))
        {
            return digits is >= 10 and <= 17;
        }
        if (digits is < 9 or > 12 || PiiPatterns.DateLike().IsMatch(candidate))
        {
            return false;
        }
        return candidate.StartsWith('(') || candidate.StartsWith('0') ? digits >= 9 : separators > 0 && digits >= 10;
    }
}
