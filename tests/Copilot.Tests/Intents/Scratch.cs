using Copilot.Api.Intents;
namespace Copilot.Tests.Intents;
public sealed class Scratch(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Print()
    {
        var f = typeof(IntentClassifierTests).GetField("Examples", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var ex = (LabelledText[])f.GetValue(null)!;
        var model = IntentClassifier.Train(ex, IntentTrainingOptions.Default)!;
        output.WriteLine($"T={model.Temperature} acc={model.HeldOutAccuracy}");
        foreach (var t in new[] { "Quelle est la recette de la tarte aux pommes?", "hello", "", "What is the weather like on Mars?" })
            output.WriteLine(t + " => " + string.Join(", ", model.Predict(t).Select(s => $"{s.Intent}:{s.Probability:0.000}")));
    }
}
