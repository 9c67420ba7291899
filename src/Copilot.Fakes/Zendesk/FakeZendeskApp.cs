using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Copilot.Fakes.Zendesk;

/// <summary>
/// The copilot's sidebar app as installed in the fake account: its id, its installation, and the
/// RSA key pair Zendesk signs the app's signed-URL loads with. Zendesk serves the public half at
/// <c>GET /api/v2/apps/{app_id}/public_key.pem</c>; <see cref="SignLoad"/> writes the token Zendesk
/// POSTs (form field <c>token</c>) with the first load of a signed location.
/// </summary>
public sealed class FakeZendeskApp : IDisposable
{
    public const long DefaultAppId = 360001;
    public const long DefaultInstallationId = 42;

    private int _keyFetches;

    public FakeZendeskApp(long appId = DefaultAppId, long installationId = DefaultInstallationId, RSA? key = null)
    {
        AppId = appId;
        InstallationId = installationId;
        Key = key ?? RSA.Create(2048);
    }

    public long AppId { get; }
    public long InstallationId { get; }
    public RSA Key { get; }
    public string PublicKeyPem => Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>How often the public key was fetched (callers should cache it).</summary>
    public int KeyFetches => Volatile.Read(ref _keyFetches);

    internal void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/apps/{id}/public_key.pem", (string id) =>
        {
            Interlocked.Increment(ref _keyFetches);
            return long.TryParse(id, out var n) && n == AppId
                ? Results.Text(PublicKeyPem, "application/x-pem-file")
                : FakeZendeskTickets.Missing();
        });
    }

    /// <summary>
    /// The RS256 token of a signed load, with Zendesk's claims: <c>iss</c> the account host,
    /// <c>aud</c> the installation URL, <c>sub</c> the user's API URL, <c>cnf.jku</c> the key URL,
    /// <c>context</c> product and location; valid for <paramref name="lifetime"/> (5 minutes).
    /// </summary>
    public string SignLoad(Uri account, long userId, string location = "ticket_sidebar", TimeSpan? lifetime = null, DateTimeOffset? now = null)
    {
        var origin = account.GetLeftPart(UriPartial.Authority);
        var at = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = account.Authority,
            ["aud"] = $"{origin}/api/v2/apps/installations/{InstallationId}.json",
            ["sub"] = $"{origin}/api/v2/users/{userId}.json",
            ["iat"] = at,
            ["exp"] = at + (long)(lifetime ?? TimeSpan.FromMinutes(5)).TotalSeconds,
            ["cnf"] = new Dictionary<string, object> { ["jku"] = $"{origin}/api/v2/apps/{AppId}/public_key.pem" },
            ["context"] = new Dictionary<string, object> { ["product"] = "support", ["location"] = location },
        };
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["typ"] = "JWT", ["alg"] = "RS256" }));
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = Key.SignData(Encoding.ASCII.GetBytes($"{header}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{body}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => Key.Dispose();
}
