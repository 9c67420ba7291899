using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using SdkChatMessage = OpenAI.Chat.ChatMessage;
using SdkChatResponseFormat = OpenAI.Chat.ChatResponseFormat;
using SdkFinishReason = OpenAI.Chat.ChatFinishReason;

namespace Copilot.Connectors.Models;

/// <summary>Between Microsoft.Extensions.AI's provider-neutral shapes and the OpenAI SDK's.</summary>
internal static class OpenAIChatMapping
{
    public static List<SdkChatMessage> ToSdkMessages(IEnumerable<AIChatMessage> messages, ChatOptions? options)
    {
        var result = new List<SdkChatMessage>();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            result.Add(new SystemChatMessage(instructions));
        }
        foreach (var message in messages)
        {
            var text = message.Text;
            result.Add(message.Role.Value switch
            {
                "system" => new SystemChatMessage(text),
                "user" => new UserChatMessage(text),
                "assistant" => new AssistantChatMessage(text),
                var role => throw new NotSupportedException($"Chat role '{role}' is not supported by this adapter."),
            });
        }
        return result;
    }

    public static ChatCompletionOptions ToSdkOptions(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }
        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.FrequencyPenalty = options.FrequencyPenalty;
        result.PresencePenalty = options.PresencePenalty;
        if (options.StopSequences is { Count: > 0 } stops)
        {
            foreach (var stop in stops)
            {
                result.StopSequences.Add(stop);
            }
        }
        result.ResponseFormat = ToSdkFormat(options.ResponseFormat);
        return result;
    }

    private static SdkChatResponseFormat? ToSdkFormat(AIChatResponseFormat? format) => format switch
    {
        null => null,
        ChatResponseFormatText => SdkChatResponseFormat.CreateTextFormat(),
        ChatResponseFormatJson { Schema: { } schema } json => SdkChatResponseFormat.CreateJsonSchemaFormat(
            json.SchemaName ?? "response",
            BinaryData.FromString(schema.GetRawText()),
            json.SchemaDescription,
            jsonSchemaIsStrict: true),
        ChatResponseFormatJson => SdkChatResponseFormat.CreateJsonObjectFormat(),
        _ => throw new NotSupportedException($"Response format {format.GetType().Name} is not supported."),
    };

    public static ChatResponse ToResponse(ChatCompletion completion)
    {
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        var message = new AIChatMessage(ChatRole.Assistant, text) { MessageId = completion.Id };
        var response = new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = ToUsage(completion.Usage),
            RawRepresentation = completion,
        };
        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            (response.AdditionalProperties ??= [])["refusal"] = completion.Refusal;
        }
        return response;
    }

    public static ChatResponseUpdate? ToUpdate(StreamingChatCompletionUpdate update)
    {
        var contents = new List<AIContent>();
        foreach (var part in update.ContentUpdate)
        {
            // The role chunk carries one empty text part; it is not content.
            if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
            {
                contents.Add(new TextContent(part.Text));
            }
        }
        if (update.Usage is { } usage)
        {
            contents.Add(new UsageContent(ToUsage(usage)!));
        }
        var role = update.Role is ChatMessageRole.Assistant ? ChatRole.Assistant : (ChatRole?)null;
        var finish = update.FinishReason is { } f ? ToFinishReason(f) : (AIFinishReason?)null;
        if (contents.Count == 0 && role is null && finish is null)
        {
            return null;
        }
        return new ChatResponseUpdate(role, contents)
        {
            ResponseId = update.CompletionId,
            MessageId = update.CompletionId,
            ModelId = update.Model,
            CreatedAt = update.CreatedAt,
            FinishReason = finish,
            RawRepresentation = update,
        };
    }

    public static AIFinishReason ToFinishReason(SdkFinishReason reason) => reason switch
    {
        SdkFinishReason.Stop => AIFinishReason.Stop,
        SdkFinishReason.Length => AIFinishReason.Length,
        SdkFinishReason.ContentFilter => AIFinishReason.ContentFilter,
        SdkFinishReason.ToolCalls or SdkFinishReason.FunctionCall => AIFinishReason.ToolCalls,
        _ => new AIFinishReason(reason.ToString().ToLowerInvariant()),
    };

    private static UsageDetails? ToUsage(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
    };

    public static JsonElement? SchemaOf(ChatOptions? options) => (options?.ResponseFormat as ChatResponseFormatJson)?.Schema;
}
