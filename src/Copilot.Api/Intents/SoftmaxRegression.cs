namespace Copilot.Api.Intents;

/// <summary>
/// Multinomial logistic regression over sparse vectors, trained by stochastic gradient descent
/// with L2 regularisation (the weight-scale trick keeps each step proportional to the example's
/// non-zero features). Deterministic: the example order of each epoch comes from a seeded shuffle.
/// Weights are stored feature-major, so one example touches contiguous blocks.
/// </summary>
public sealed class SoftmaxRegression
{
    private readonly float[] _weights;
    private readonly double[] _bias;
    private double _scale = 1;

    private SoftmaxRegression(int dimensions, int classes)
    {
        Classes = classes;
        _weights = new float[(long)dimensions * classes];
        _bias = new double[classes];
    }

    public int Classes { get; }

    public static SoftmaxRegression Train(IReadOnlyList<SparseVector> x, IReadOnlyList<int> y, int dimensions, int classes, IntentTrainingOptions options, CancellationToken cancellationToken)
    {
        var model = new SoftmaxRegression(dimensions, classes);
        var order = Enumerable.Range(0, x.Count).ToArray();
        var random = new Random(options.Seed);
        var lambda = options.L2;
        var probabilities = new double[classes];
        long step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            foreach (var i in order)
            {
                var rate = options.LearningRate / (1 + options.LearningRate * lambda * step++);
                model.Probabilities(x[i], probabilities);
                probabilities[y[i]] -= 1; // now the gradient of the loss with respect to the logits
                model._scale *= 1 - rate * lambda;
                if (model._scale < 1e-6)
                {
                    model.Rescale();
                }
                model.Step(x[i], probabilities, rate);
            }
        }
        model.Rescale();
        return model;
    }

    /// <summary>Logits of one vector, written into <paramref name="logits"/>.</summary>
    public void Logits(SparseVector x, Span<double> logits)
    {
        for (var c = 0; c < Classes; c++)
        {
            logits[c] = 0;
        }
        for (var k = 0; k < x.Indices.Length; k++)
        {
            var row = _weights.AsSpan((int)((long)x.Indices[k] * Classes), Classes);
            var v = x.Values[k];
            for (var c = 0; c < Classes; c++)
            {
                logits[c] += v * row[c];
            }
        }
        for (var c = 0; c < Classes; c++)
        {
            logits[c] = logits[c] * _scale + _bias[c];
        }
    }

    private void Probabilities(SparseVector x, double[] output)
    {
        Logits(x, output);
        Softmax(output, 1);
    }

    /// <summary>In place: softmax of logits divided by a temperature.</summary>
    public static void Softmax(Span<double> logits, double temperature)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z);
        }
        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = Math.Exp((logits[c] - max) / temperature);
            sum += logits[c];
        }
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] /= sum;
        }
    }

    private void Step(SparseVector x, double[] gradient, double rate)
    {
        var factor = rate / _scale;
        for (var k = 0; k < x.Indices.Length; k++)
        {
            var row = _weights.AsSpan((int)((long)x.Indices[k] * Classes), Classes);
            var v = x.Values[k] * factor;
            for (var c = 0; c < Classes; c++)
            {
                row[c] -= (float)(v * gradient[c]);
            }
        }
        for (var c = 0; c < Classes; c++)
        {
            _bias[c] -= rate * gradient[c];
        }
    }

    private void Rescale()
    {
        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] = (float)(_weights[i] * _scale);
        }
        _scale = 1;
    }
}
