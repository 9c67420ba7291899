using Copilot.Api.Drafts.Guards;

namespace Copilot.Api.Replays.Measures;

/// <summary>
/// Promises in a draft that the agent's real reply did not make: the draft guard's commitment check
/// (<see cref="CommitmentCheck"/>: refunds, credits, discounts, dates, exceptions) with the agent's reply as the only
/// source that may back them. A promise the agent also made is no surprise; one they did not is a risk of sending it.
/// </summary>
public static class Promises
{
    public static IReadOnlyList<CommitmentFlag> NotMadeByAgent(string draft, string agentReply) => CommitmentCheck.Check(draft, [agentReply]);
}
