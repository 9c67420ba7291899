using Microsoft.IdentityModel.JsonWebTokens;

namespace Copilot.Api.Auth;

/// <summary>
/// Reads a token from outside before its signature is checked, only to learn whose key to check
/// it with. Any text that is not a readable signed JWT (three base64url parts with JSON header and
/// payload) is null here, never an exception: a malformed credential is a 401, not a 500.
/// </summary>
public static class UntrustedJwt
{
    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    public static JsonWebToken? TryRead(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || !Tokens.CanReadToken(raw))
        {
            return null;
        }
        try
        {
            var token = Tokens.ReadJsonWebToken(raw);
            // An encrypted token (five parts) has no claims to read before decryption; none of ours is one.
            return token.IsEncrypted ? null : token;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException
            or Microsoft.IdentityModel.Tokens.SecurityTokenException or InvalidOperationException)
        {
            return null;
        }
    }

    private static readonly object ReadKey = new();

    /// <summary>
    /// The request's bearer token, read once per request (every scheme that looks at it shares the reading): the raw
    /// text (null without an <c>Authorization: Bearer …</c> header) and the token read from it (null when unreadable).
    /// </summary>
    public static (string? Raw, JsonWebToken? Token) ReadBearer(HttpContext http)
    {
        if (http.Items.TryGetValue(ReadKey, out var read) && read is ValueTuple<string?, JsonWebToken?> known)
        {
            return known;
        }
        var raw = BearerOf(http.Request);
        (string?, JsonWebToken?) result = (raw, raw is null ? null : TryRead(raw));
        http.Items[ReadKey] = result;
        return result;
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> header; null without one.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
