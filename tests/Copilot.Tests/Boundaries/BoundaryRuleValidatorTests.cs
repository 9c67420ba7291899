using Copilot.Api.Boundaries;

namespace Copilot.Tests.Boundaries;

public sealed class BoundaryRuleValidatorTests
{
    private static BoundaryRule Phrases(string id = "vip-customer", Dictionary<string, List<string>>? patterns = null) => new()
    {
        Id = id, Name = "VIP", Action = "caution", Kind = "phrases",
        Phrases = new() { ["en"] = ["enterprise contract"] },
        Patterns = patterns,
    };

    [Fact]
    public void AValidListHasNoErrors()
    {
        Assert.Empty(BoundaryRuleValidator.Validate([Phrases(patterns: new() { ["any"] = [@"\bSLA\b"] })]));
    }

    [Fact]
    public void AWayForwardNeedsARealGroupAndTagsThatAreTags()
    {
        var rule = new BoundaryRule
        {
            Id = "vip", Name = "VIP", Action = "handoff", Kind = "phrases", Phrases = new() { ["en"] = ["enterprise contract"] },
            WayForward = new WayForward { GroupId = -4, Tags = ["two words", "ok_tag"], InternalNote = true },
        };

        var errors = BoundaryRuleValidator.Validate([rule]);

        Assert.Equal(["rules[0].wayForward.groupId", "rules[0].wayForward.tags"], errors.Keys.Order());
        Assert.Empty(BoundaryRuleValidator.Validate([new BoundaryRule
        {
            Id = "vip", Name = "VIP", Action = "handoff", Kind = "phrases", Phrases = new() { ["en"] = ["enterprise contract"] },
            WayForward = new WayForward { GroupId = 42, GroupName = "Enterprise desk", Tags = ["vip"], InternalNote = true },
        }]));
    }

    [Fact]
    public void DuplicateIdsAreRejected()
    {
        var errors = BoundaryRuleValidator.Validate([Phrases(), Phrases()]);

        Assert.Equal(["rules[1].id"], errors.Keys);
    }

    [Fact]
    public void UnknownKindsAndActionsAreRejected()
    {
        var errors = BoundaryRuleValidator.Validate([new BoundaryRule { Id = "x", Name = "X", Action = "block", Kind = "sentiment" }]);

        Assert.Contains("rules[0].action", errors.Keys);
        Assert.Contains("rules[0].kind", errors.Keys);
    }

    [Fact]
    public void ARegexThatDoesNotCompileIsRejectedWithItsPath()
    {
        var errors = BoundaryRuleValidator.Validate([Phrases(patterns: new() { ["de"] = ["ok", "(unclosed"] })]);

        var message = Assert.Single(errors["rules[0].patterns.de[1]"]);
        Assert.StartsWith("Not a valid regular expression", message);
    }

    [Fact]
    public void NestedQuantifiersAreAcceptedAndAHostileTextRunsThroughThemAtOnce()
    {
        // "(a+)+$" backtracks for ever on a backtracking engine; rules run without one.
        Assert.Empty(BoundaryRuleValidator.Validate([Phrases(patterns: new() { ["en"] = ["(a+)+$"] })]));

        var matcher = PhraseMatcher.Build(null, new() { ["en"] = ["(a+)+$"] });
        var timedOut = false;
        var hits = matcher.Matches(new ScannedText(new string('a', 3000) + "!"), skipNegated: false, onTimeout: _ => timedOut = true).ToList();

        Assert.False(timedOut);
        Assert.Empty(hits);
    }

    [Theory]
    [InlineData(@"(?<!not )refund")]
    [InlineData(@"refund(?= now)")]
    [InlineData(@"(\w+) \1")]
    [InlineData(@"(?>refund)s")]
    public void ARegexThatNeedsBacktrackingIsRejected(string pattern)
    {
        var errors = BoundaryRuleValidator.Validate([Phrases(patterns: new() { ["en"] = [pattern] })]);

        Assert.Contains("not supported", Assert.Single(errors["rules[0].patterns.en[0]"]));
    }

    [Fact]
    public void MoreThanTwoHundredPatternsAcrossTheRulesAreRejectedBeforeAnyIsRead()
    {
        // 201 patterns, one of them not even a regex: the count is the one error, found without building any.
        var rules = Enumerable.Range(0, 3).Select(i => Phrases($"rule-{i}", new() { ["en"] = [.. Enumerable.Range(0, 67).Select(j => $"word{i}x{j}")] })).ToList();
        rules.Add(Phrases("one-more", new() { ["en"] = ["(unclosed"] }));

        var errors = BoundaryRuleValidator.Validate(rules);

        Assert.Contains("At most 200 regular expressions", Assert.Single(Assert.Single(errors).Value));
        Assert.Empty(BoundaryRuleValidator.Validate(rules.Take(2).ToList()));
    }

    [Fact]
    public void ARegexMatchingEmptyTextIsRejected()
    {
        var errors = BoundaryRuleValidator.Validate([Phrases(patterns: new() { ["en"] = ["x*"] })]);

        Assert.Contains("rules[0].patterns.en[0]", errors.Keys);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-0.2)]
    public void AngerThresholdsOutsideZeroToOneAreRejected(double threshold)
    {
        var errors = BoundaryRuleValidator.Validate([new BoundaryRule { Id = "anger", Name = "Anger", Action = "caution", Kind = "anger", Threshold = threshold }]);

        Assert.Equal(["rules[0].threshold"], errors.Keys);
    }

    [Fact]
    public void SettingsOfAnotherKindAreRejected()
    {
        var rule = new BoundaryRule { Id = "a", Name = "A", Action = "handoff", Kind = "phrases", Phrases = new() { ["en"] = ["x y"] }, Threshold = 0.5, MinMessages = 3 };

        var errors = BoundaryRuleValidator.Validate([rule]);

        Assert.Contains("rules[0].threshold", errors.Keys);
        Assert.Contains("rules[0].minMessages", errors.Keys);
    }

    [Fact]
    public void APhrasesRuleNeedsSomethingToMatch()
    {
        var errors = BoundaryRuleValidator.Validate([new BoundaryRule { Id = "empty", Name = "Empty", Action = "handoff", Kind = "phrases" }]);

        Assert.Contains("rules[0].phrases", errors.Keys);
    }

    [Fact]
    public void BadIdsAndLanguageKeysAreRejected()
    {
        var rule = new BoundaryRule { Id = "Billing Dispute", Name = "B", Action = "handoff", Kind = "phrases", Phrases = new() { ["English"] = ["refund"] } };

        var errors = BoundaryRuleValidator.Validate([rule]);

        Assert.Contains("rules[0].id", errors.Keys);
        Assert.Contains("rules[0].phrases.English", errors.Keys);
    }

    [Fact]
    public void AMissingListIsRejected()
    {
        Assert.Equal(["rules"], BoundaryRuleValidator.Validate(null).Keys);
    }
}
