using Copilot.Api.Ask;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Ask;

/// <summary>How a question is read (alone or as a follow-up) and how long, and for whom, a conversation is kept.</summary>
public sealed class AskConversationTests
{
    private static readonly AskTurn Refund = new("What refund do we give when a customer cancels the yearly Lumora Plus plan?", "A prorated refund within 14 days.");

    [Theory]
    [InlineData("and for the monthly one?")]
    [InlineData("What about refurbished ones?")]
    [InlineData("Does it apply to gift cards too?")]
    [InlineData("monthly plan?")]
    public void AFollowUpIsSearchedWithTheEarlierQuestionAndWeighsItsOwnWordsMore(string followUp)
    {
        var read = AskQuestion.Read(followUp, [Refund]);

        Assert.True(read.FollowUp);
        Assert.StartsWith(Refund.Question, read.SearchText);
        Assert.EndsWith(followUp, read.SearchText);
        Assert.Contains("yearly", read.ContextTerms);
        Assert.DoesNotContain(read.Terms, read.ContextTerms.Contains);
    }

    [Fact]
    public void AQuestionThatStandsOnItsOwnIsSearchedAlone()
    {
        const string question = "How do I reset a Glow bulb to factory settings?";

        var read = AskQuestion.Read(question, [Refund]);

        Assert.False(read.FollowUp);
        Assert.Equal(question, read.SearchText);
        Assert.Empty(read.ContextTerms);
    }

    [Fact]
    public void AConversationIsFoundOnlyByItsAgentOnItsTicketAndNotAfterItWasIdle()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var conversations = new AskConversations(Options.Create(new AskOptions { ConversationIdleMinutes = 30 }), clock);
        var started = conversations.Find("acme", "2001", 101, null);
        Assert.False(started.Continued);
        Assert.Equal(1, conversations.Add("acme", "2001", 101, started.Id, Refund));

        Assert.True(conversations.Find("acme", "2001", 101, started.Id).Continued);
        Assert.False(conversations.Find("acme", "2002", 101, started.Id).Continued);
        Assert.False(conversations.Find("acme", "2001", 102, started.Id).Continued);
        Assert.False(conversations.Find("other", "2001", 101, started.Id).Continued);

        clock.Advance(TimeSpan.FromMinutes(29));
        var kept = conversations.Find("acme", "2001", 101, started.Id);
        Assert.Equal([Refund], kept.Earlier);
        Assert.Equal(2, conversations.Add("acme", "2001", 101, started.Id, Refund with { Question = "and for the monthly one?" }));
        clock.Advance(TimeSpan.FromMinutes(30));
        var expired = conversations.Find("acme", "2001", 101, started.Id);
        Assert.False(expired.Continued);
        Assert.NotEqual(started.Id, expired.Id);
        Assert.Empty(expired.Earlier);
    }

    [Fact]
    public void ConversationsAreBoundedAndKeepTheirNewestTurns()
    {
        var clock = new FakeTimeProvider();
        var conversations = new AskConversations(Options.Create(new AskOptions { MaxConversations = 3, MaxTurns = 2 }), clock);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var c = conversations.Find("acme", "2001", 100 + i, null);
            conversations.Add("acme", "2001", 100 + i, c.Id, Refund);
            ids.Add(c.Id);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, conversations.Count);
        Assert.False(conversations.Find("acme", "2001", 100, ids[0]).Continued);
        for (var turn = 2; turn <= 4; turn++)
        {
            Assert.Equal(turn, conversations.Add("acme", "2001", 103, ids[3], Refund with { Answer = $"answer {turn}" }));
        }
        Assert.Equal(["answer 3", "answer 4"], conversations.Find("acme", "2001", 103, ids[3]).Earlier.Select(t => t.Answer));
    }
}
