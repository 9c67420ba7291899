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

    /// <summary>The token of an <c>Authorization: Bearer …</c> header; null without one.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
