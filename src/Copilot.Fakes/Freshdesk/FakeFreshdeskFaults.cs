using Copilot.Fakes.Helpdesk;

namespace Copilot.Fakes.Freshdesk;

/// <summary>Faults the fake Freshdesk serves before behaving normally again, with Freshdesk's error bodies.</summary>
public sealed class FakeFreshdeskFaults : FakeHelpdeskFaults
{
    protected override string RateLimitedBody => """{"code":"rate_limit_exceeded","message":"You have exceeded the limit of requests per minute"}""";

    protected override string GarbledBody => """{"id": 1, "subject": "trunc""";

    protected override string ErrorBody(int status) => status switch
    {
        503 => """{"code":"service_unavailable","message":"Freshdesk is temporarily unavailable"}""",
        _ => """{"code":"internal_error","message":"We are facing some issues. Please try again later."}""",
    };
}
