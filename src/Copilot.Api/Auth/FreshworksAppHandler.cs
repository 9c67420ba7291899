using System.Security.Claims;
using System.Text.Encodings.Web;
using Copilot.Api.Hosting;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Auth;

/// <summary>
/// Authenticates the Freshworks app's calls (<see cref="FreshworksAppCredentials"/>). Freshworks' proxy fills the
/// tenant's shared secret into the request templates on its own servers, so the secret proves the call comes from the
/// app installed in that account. The agent id is what the page read from Freshdesk, which code in the agent's browser
/// can change: it is checked with the helpdesk (<see cref="IAgentCheck"/>), and the role comes from there too.
/// Only a tenant whose helpdesk signs no agent loads (Freshdesk) takes this scheme; a Zendesk tenant's app proves
/// itself with Zendesk's signatures (<see cref="ProxyTokenHandler"/>, <see cref="SessionTokenHandler"/>).
/// </summary>
public sealed partial class FreshworksAppHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TenantRegistry tenants,
    IAgentCheck agents) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>What an unknown tenant, a Zendesk tenant and a wrong secret all get, word for word: nothing tells them apart.</summary>
    public static readonly RefusalText NotAccepted = new(StatusCodes.Status401Unauthorized, "Credentials not accepted",
        "The Copilot app's tenant and shared secret were not accepted.");

    public static readonly RefusalText NotAnAgent = new(StatusCodes.Status403Forbidden, "Not an agent",
        "Only active agents and admins of this helpdesk can use Copilot.");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (credentials, problem) = FreshworksAppCredentials.Read(Request);
        if (problem is not null)
        {
            Log.Malformed(Logger);
            return Refuse(new RefusalText(StatusCodes.Status401Unauthorized, "Malformed credentials", problem));
        }
        if (credentials is null)
        {
            return AuthenticateResult.NoResult();
        }
        var tenant = tenants.Find(credentials.Tenant);
        if (!SecretMatches(tenant, credentials.Secret))
        {
            Log.NotAccepted(Logger, credentials.Tenant, tenant is null ? "no such tenant" : tenant.Helpdesk.SignsAgentLoads ? $"a {tenant.Helpdesk.Name} tenant" : "wrong secret");
            return Refuse(NotAccepted);
        }
        if (await agents.CheckAsync(tenant!, credentials.AgentId, Context.RequestAborted) is not { } agent)
        {
            Log.NotAnAgent(Logger, tenant!.Id, credentials.AgentId);
            NotAnAgent.SetOn(Context);
            // Authenticated as no one (no tenant, agent or role): every policy that runs this scheme asks for a
            // tenant, so it forbids the call (403) instead of asking for credentials (401) the caller has proven.
            return Success(new ClaimsIdentity(Scheme.Name));
        }
        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(AuthClaims.Tenant, tenant!.Id));
        identity.AddClaim(new Claim(AuthClaims.Agent, agent.AgentId));
        identity.AddClaim(new Claim(AuthClaims.AgentName, agent.Name));
        identity.AddClaim(new Claim(ClaimTypes.Role, agent.Role));
        return Success(identity);
    }

    /// <summary>
    /// Compared in constant time (<see cref="SecretComparison"/>); an unknown or Zendesk tenant is compared too, with no
    /// secret, which nothing matches.
    /// </summary>
    private static bool SecretMatches(Tenant? tenant, string given) =>
        SecretComparison.Matches(tenant is { Helpdesk.SignsAgentLoads: false } ? tenant.Options.SharedSecret : null, given);

    private AuthenticateResult Refuse(RefusalText text)
    {
        text.SetOn(Context);
        return AuthenticateResult.Fail(text.Detail);
    }

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));

    private static partial class Log
    {
        [LoggerMessage(EventId = 1310, Level = LogLevel.Warning, Message = "Freshworks app call refused: malformed credentials")]
        public static partial void Malformed(ILogger logger);

        [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "Freshworks app call for tenant {Tenant} refused: {Reason}")]
        public static partial void NotAccepted(ILogger logger, string tenant, string reason);

        [LoggerMessage(EventId = 1312, Level = LogLevel.Warning, Message = "Freshworks app call for tenant {Tenant} refused: user {AgentId} is not an active agent or admin")]
        public static partial void NotAnAgent(ILogger logger, string tenant, long agentId);
    }
}
