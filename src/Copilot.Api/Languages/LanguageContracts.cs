namespace Copilot.Api.Languages;

public sealed record DetectedLanguage(string Code, double Confidence);

public interface ILanguageDetector
{
    DetectedLanguage Detect(string text);

    /// <summary>As <see cref="Detect(string)"/>, with <paramref name="prior"/> (a locale such as "de-CH", or null) deciding when the text says too little.</summary>
    DetectedLanguage Detect(string text, string? prior);
}
