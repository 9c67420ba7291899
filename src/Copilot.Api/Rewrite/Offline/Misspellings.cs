using System.Text.RegularExpressions;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>
/// Common English misspellings with one right spelling each. Words that are real words in
/// another sense ("wont", "cant", "lets", "its") are left out: only a model can tell those apart.
/// </summary>
internal static class Misspellings
{
    public const string What = "Fixed spelling";

    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["teh"] = "the", ["hte"] = "the", ["adn"] = "and", ["taht"] = "that", ["waht"] = "what", ["thier"] = "their",
        ["recieve"] = "receive", ["recieved"] = "received", ["recieving"] = "receiving", ["reciept"] = "receipt",
        ["seperate"] = "separate", ["seperately"] = "separately", ["seperated"] = "separated",
        ["definately"] = "definitely", ["definatly"] = "definitely", ["definetly"] = "definitely",
        ["occured"] = "occurred", ["occuring"] = "occurring", ["occurence"] = "occurrence", ["occurance"] = "occurrence",
        ["untill"] = "until", ["wich"] = "which", ["alot"] = "a lot", ["accross"] = "across",
        ["accomodate"] = "accommodate", ["acheive"] = "achieve", ["adress"] = "address", ["adresses"] = "addresses",
        ["arguement"] = "argument", ["begining"] = "beginning", ["beleive"] = "believe", ["belive"] = "believe",
        ["becuase"] = "because", ["beacuse"] = "because", ["calender"] = "calendar", ["catagory"] = "category",
        ["comming"] = "coming", ["commited"] = "committed", ["completly"] = "completely", ["concious"] = "conscious",
        ["convinient"] = "convenient", ["dissapoint"] = "disappoint", ["dissapointed"] = "disappointed",
        ["embarass"] = "embarrass", ["enviroment"] = "environment", ["existance"] = "existence", ["experiance"] = "experience",
        ["familar"] = "familiar", ["finaly"] = "finally", ["foward"] = "forward", ["fowarded"] = "forwarded",
        ["freind"] = "friend", ["goverment"] = "government", ["grammer"] = "grammar", ["guarentee"] = "guarantee",
        ["happend"] = "happened", ["immediatly"] = "immediately", ["imediately"] = "immediately", ["independant"] = "independent",
        ["knowlege"] = "knowledge", ["neccessary"] = "necessary", ["necessery"] = "necessary", ["neccesary"] = "necessary",
        ["noticable"] = "noticeable", ["occassion"] = "occasion", ["persue"] = "pursue", ["posession"] = "possession",
        ["prefered"] = "preferred", ["priviledge"] = "privilege", ["probaly"] = "probably", ["publically"] = "publicly",
        ["realy"] = "really", ["recomend"] = "recommend", ["reccomend"] = "recommend", ["refered"] = "referred",
        ["relevent"] = "relevant", ["remeber"] = "remember", ["responsability"] = "responsibility", ["succesful"] = "successful",
        ["sucessful"] = "successful", ["succesfully"] = "successfully", ["sucessfully"] = "successfully", ["suprise"] = "surprise",
        ["tommorow"] = "tomorrow", ["tomorow"] = "tomorrow", ["tommorrow"] = "tomorrow", ["truely"] = "truly", ["wierd"] = "weird",
        ["writting"] = "writing", ["availible"] = "available", ["avaliable"] = "available", ["garantee"] = "guarantee",
        ["acount"] = "account", ["paswword"] = "password", ["pasword"] = "password", ["subscribtion"] = "subscription",
        ["cancelation"] = "cancellation", ["reciever"] = "receiver", ["inconvienience"] = "inconvenience",
        ["inconvinience"] = "inconvenience", ["unfortunatly"] = "unfortunately", ["unfortunatelly"] = "unfortunately",
        ["sincerly"] = "sincerely", ["regars"] = "regards", ["plese"] = "please", ["pleae"] = "please", ["questons"] = "questions",
        ["dont"] = "don't", ["doesnt"] = "doesn't", ["didnt"] = "didn't", ["isnt"] = "isn't", ["wasnt"] = "wasn't",
        ["couldnt"] = "couldn't", ["shouldnt"] = "shouldn't", ["wouldnt"] = "wouldn't", ["havent"] = "haven't", ["hasnt"] = "hasn't",
        ["arent"] = "aren't", ["werent"] = "weren't", ["youre"] = "you're", ["thats"] = "that's", ["im"] = "I'm", ["ive"] = "I've",
    };

    public static string Apply(string text, EditLog log) =>
        log.Replace(text, Pattern, m => Fix(m.Value), What, (m, fixedWord) => $"{m.Value} → {fixedWord}");

    private static string Fix(string word)
    {
        var right = Words[word];
        if (right.StartsWith("I'", StringComparison.Ordinal))
        {
            // "im" and "Im" are "I'm"; "IM" is instant messaging.
            return word.Skip(1).Any(char.IsUpper) ? word : right;
        }
        return Casing.Like(word, right);
    }

    private static readonly Regex Pattern = new(
        @"(?<![\p{L}\p{N}'’\-_@./\\])(?:" + string.Join('|', Words.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![\p{L}\p{N}'’\-_@]|\.[\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
