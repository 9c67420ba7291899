namespace Copilot.Api.Intents;

public sealed class IntentModels
{
    public const double DefaultFloor = 0.5;
}
