using Copilot.Fakes.Helpdesk;

namespace Copilot.Fakes.Zendesk;

/// <summary>Faults the fake Zendesk serves before behaving normally again, with Zendesk's error bodies.</summary>
public sealed class FakeZendeskFaults : FakeHelpdeskFaults
{
    protected override string RateLimitedBody => """{"error":"APIRateLimitExceeded","description":"Number of allowed API requests per minute exceeded"}""";

    protected override string GarbledBody => """{"ticket": {"id": 1, "subject": "trunc""";

    protected override string ErrorBody(int status) => status switch
    {
        503 => """{"error":"ServiceUnavailable","description":"Zendesk is temporarily unavailable"}""",
        _ => """{"error":"InternalError","description":"Something went wrong on our side"}""",
    };
}
