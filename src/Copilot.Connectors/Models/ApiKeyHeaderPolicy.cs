using System.ClientModel.Primitives;

namespace Copilot.Connectors.Models;

/// <summary>
/// Azure OpenAI takes the key in an <c>api-key</c> header. Added at <see cref="PipelinePosition.PerTry"/>,
/// after the SDK's own policy has set <c>Authorization: Bearer</c>, which it removes.
/// </summary>
internal sealed class ApiKeyHeaderPolicy(string apiKey) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message.Request);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message.Request);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    private void Apply(PipelineRequest request)
    {
        request.Headers.Remove("Authorization");
        request.Headers.Set("api-key", apiKey);
    }
}
