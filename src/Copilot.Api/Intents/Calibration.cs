namespace Copilot.Api.Intents;

/// <summary>Temperature scaling: one number that makes held-out probabilities honest (Guo et al., 2017).</summary>
public static class Calibration
{
    /// <summary>The temperature minimising the negative log-likelihood of held-out logits, searched on log T in [1/20, 20].</summary>
    public static double FitTemperature(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels)
    {
        if (logits.Count == 0)
        {
            return 1;
        }
        double Loss(double logT)
        {
            var t = Math.Exp(logT);
            var total = 0.0;
            var buffer = new double[logits[0].Length];
            for (var i = 0; i < logits.Count; i++)
            {
                logits[i].CopyTo(buffer, 0);
                SoftmaxRegression.Softmax(buffer, t);
                total -= Math.Log(Math.Max(buffer[labels[i]], 1e-12));
            }
            return total;
        }
        // Golden-section search: the loss is unimodal in log T.
        double lo = Math.Log(0.05), hi = Math.Log(20);
        var g = (Math.Sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        double fa = Loss(a), fb = Loss(b);
        for (var i = 0; i < 40; i++)
        {
            if (fa < fb)
            {
                (hi, b, fb) = (b, a, fa);
                a = hi - g * (hi - lo);
                fa = Loss(a);
            }
            else
            {
                (lo, a, fa) = (a, b, fb);
                b = lo + g * (hi - lo);
                fb = Loss(b);
            }
        }
        return Math.Exp((lo + hi) / 2);
    }
}
