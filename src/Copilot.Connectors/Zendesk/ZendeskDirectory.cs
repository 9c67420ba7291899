using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// Zendesk users, roles, app keys and ticket listings over the REST API v2. Failures become
/// <see cref="HelpdeskException"/>; a 404 is "no such thing" (null).
/// </summary>
public sealed class ZendeskDirectory(HttpClient http) : IHelpdeskDirectory
{
    private const string Kind = "zendesk";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<DirectoryUser?> GetUserAsync(HelpdeskConnection connection, long userId, CancellationToken cancellationToken)
    {
        var body = await GetAsync<UserEnvelope>(connection, $"api/v2/users/{userId}", cancellationToken);
        return body?.User is { } u ? Map(u) : null;
    }

    public async Task<IReadOnlyList<DirectoryUser>> ListAgentsAsync(HelpdeskConnection connection, CancellationToken cancellationToken)
    {
        var body = await GetAsync<UsersEnvelope>(connection, "api/v2/users?role[]=agent&role[]=admin&page[size]=100", cancellationToken);
        return (body?.Users ?? []).Select(Map).Where(u => u.IsStaff).ToList();
    }

    public async Task<IReadOnlyList<TicketListing>> ListTicketsAsync(HelpdeskConnection connection, int max, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(max, 1, 100).ToString(CultureInfo.InvariantCulture);
        var body = await GetAsync<SearchEnvelope>(connection, $"api/v2/search?query=type%3Aticket&sort_by=updated_at&sort_order=desc&per_page={size}", cancellationToken);
        return (body?.Results ?? [])
            .Where(t => t.ResultType is null or "ticket")
            .Select(t => new TicketListing(t.Id, t.Subject ?? t.RawSubject ?? $"Ticket {t.Id}", t.Status ?? "open", t.UpdatedAt ?? t.CreatedAt ?? DateTimeOffset.MinValue))
            .OrderByDescending(t => t.UpdatedAt)
            .Take(max)
            .ToList();
    }

    public async Task<string?> GetAppPublicKeyAsync(HelpdeskConnection connection, long appId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(connection, $"api/v2/apps/{appId}/public_key.pem", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static DirectoryUser Map(ZendeskUser u) =>
        new(u.Id, u.Name ?? $"User {u.Id}", u.Email, u.Role ?? "end-user", u.CustomRoleId, u.Locale, u.Active ?? true);

    private async Task<T?> GetAsync<T>(HelpdeskConnection connection, string path, CancellationToken cancellationToken) where T : class
    {
        using var response = await SendAsync(connection, path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new HelpdeskException(Kind, (int)response.StatusCode, "The answer was not the JSON Zendesk sends.", inner: e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HelpdeskConnection connection, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(connection.BaseUrl, path));
        request.Headers.Authorization = Authorization(connection);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new HelpdeskException(Kind, null, e.Message, inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HelpdeskException(Kind, null, "The request timed out.", inner: e);
        }
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
        {
            return response;
        }
        using (response)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            throw new HelpdeskException(Kind, (int)response.StatusCode, $"GET {path.Split('?')[0]} failed.", retryAfter);
        }
    }

    private static AuthenticationHeaderValue? Authorization(HelpdeskConnection c)
    {
        if (!string.IsNullOrEmpty(c.OAuthToken))
        {
            return new AuthenticationHeaderValue("Bearer", c.OAuthToken);
        }
        if (!string.IsNullOrEmpty(c.Email) && !string.IsNullOrEmpty(c.ApiToken))
        {
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.Email}/token:{c.ApiToken}")));
        }
        return null;
    }

    private sealed record UserEnvelope(ZendeskUser? User);
    private sealed record UsersEnvelope(List<ZendeskUser>? Users);
    private sealed record SearchEnvelope(List<ZendeskTicket>? Results);

    private sealed record ZendeskUser(long Id, string? Name, string? Email, string? Role, long? CustomRoleId, string? Locale, bool? Active);

    private sealed record ZendeskTicket(
        long Id,
        string? Subject,
        string? RawSubject,
        string? Status,
        string? ResultType,
        DateTimeOffset? CreatedAt,
        DateTimeOffset? UpdatedAt);
}
