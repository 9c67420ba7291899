using Copilot.Api.Threads;

namespace Copilot.Tests.Offline;

/// <summary>A customer's follow-up that turns to a new problem once an agent has answered (<see cref="Turns.NewProblem"/>).</summary>
public sealed class NewProblemTests
{
    [Theory]
    [InlineData("Turned it on and the bridge connected. BUT now the app says 2 of the 3 bulbs are unreachable??", "BUT now the app says 2 of the 3 bulbs are unreachable??")]
    [InlineData("Thanks, that worked. Another problem: the strip under the cabinet won't change colour.", "Another problem: the strip under the cabinet won't change colour.")]
    [InlineData("Das hat geholfen. Aber jetzt blinkt die Bridge rot und keine Lampe reagiert.", "Aber jetzt blinkt die Bridge rot und keine Lampe reagiert.")]
    [InlineData("Merci, ça marche. Mais maintenant le ruban ne s'allume plus du tout.", "Mais maintenant le ruban ne s'allume plus du tout.")]
    [InlineData("Gracias, ya funciona. Pero ahora la app no muestra las bombillas del salón.", "Pero ahora la app no muestra las bombillas del salón.")]
    [InlineData("Dank je, het werkt. Maar nu reageert de strip niet meer op de schakelaar.", "Maar nu reageert de strip niet meer op de schakelaar.")]
    public void AFollowUpThatTurnsToANewProblemAfterAnAnswerNamesIt(string followUp, string problem)
    {
        var thread = new Threads("Bridge won't connect")
            .FromCustomer("My Bridge will not connect to the wifi, the light stays amber.")
            .FromAgent("Please turn on the 2.4 GHz-only network in your router's app.")
            .FromCustomer(followUp).Build();

        Assert.Equal(problem, Turns.NewProblem(thread));
    }

    [Theory]
    [InlineData("Thanks, and now it works again.")]
    [InlineData("Nu werkt het weer, bedankt voor de snelle hulp!")]
    [InlineData("Ahora funciona todo perfectamente, muchas gracias.")]
    [InlineData("Agora funciona tudo, obrigado pela ajuda!")]
    [InlineData("Why did this happen though? I don't want to check the app every time.")]
    [InlineData("Do I still need to do the security thing?")]
    [InlineData("But now what?")]
    [InlineData("Also I tried restarting the router twice before I wrote.")]
    public void AFollowUpThatConfirmsAFixOrLeansOnWhatCameBeforeNamesNone(string followUp)
    {
        var thread = new Threads("Bridge won't connect")
            .FromCustomer("My Bridge will not connect to the wifi, the light stays amber.")
            .FromAgent("Please turn on the 2.4 GHz-only network in your router's app.")
            .FromCustomer(followUp).Build();

        Assert.Null(Turns.NewProblem(thread));
    }

    [Fact]
    public void BeforeAnyAnswerTheCustomersTurnsAreOneRequest()
    {
        var thread = new Threads("Bridge won't connect")
            .FromCustomer("My Bridge will not connect to the wifi, the light stays amber.")
            .FromCustomer("Now the app says 2 of the 3 bulbs are unreachable too.").Build();

        Assert.Null(Turns.NewProblem(thread));
    }
}
