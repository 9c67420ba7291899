using System.Text;

namespace Copilot.Evaluation;

/// <summary>
/// Bitext customer-support requests (bitext/customer-support-llm-chatbot-training-dataset,
/// CDLA-Sharing-1.0) as a macro-suggestion task: one macro per intent (title = the intent's
/// name, body = the reference reply of its first request), queried with every tenth other request.
/// </summary>
public static class Bitext
{
    /// <summary>The rows of the CSV, the header first.</summary>
    public static List<string[]> Rows(string shared) =>
        Csv(File.ReadAllText(Path.Combine(shared, "datasets", "bitext", "bitext_cs_train_v_cf85785.csv")));

    /// <summary>The complete rows after the header, and the columns the tasks read.</summary>
    private static (List<string[]> Data, int Instruction, int Intent, int Response, int Category) Table(string shared)
    {
        var rows = Rows(shared);
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);
        return (rows.Skip(1).Where(r => r.Length == header.Length).ToList(), Col("instruction"), Col("intent"), Col("response"), Col("category"));
    }

    public static Dataset Load(string shared)
    {
        var (data, instruction, intent, response, category) = Table(shared);

        var macroRows = data.GroupBy(r => r[intent]).Select(g => g.First()).ToList();
        var docs = macroRows.Select(r => new Doc(r[intent], r[intent].Replace('_', ' '), r[response], r[category])).ToList();
        var used = macroRows.ToHashSet();
        var queries = data.Where(r => !used.Contains(r)).Where((_, i) => i % 10 == 0).Select(r => new Query(r[instruction], r[intent], [r[instruction]])).ToList();
        return new Dataset("Bitext requests → one macro per intent", docs, queries);
    }

    /// <summary>
    /// The same requests as a paraphrased-FAQ task: one FAQ article per intent whose title is the intent's first
    /// request as a customer wrote it and whose body is its reference reply; every other request of the intent
    /// is a paraphrase of that question (the same queries as <see cref="Load"/>).
    /// </summary>
    public static Dataset LoadFaq(string shared)
    {
        var (data, instruction, intent, response, category) = Table(shared);
        var faqRows = data.GroupBy(r => r[intent]).Select(g => g.First()).ToList();
        var docs = faqRows.Select(r => new Doc(r[intent], r[instruction].Trim(), r[response], r[category])).ToList();
        var used = faqRows.ToHashSet();
        var queries = data.Where(r => !used.Contains(r)).Where((_, i) => i % 10 == 0).Select(r => new Query(r[instruction], r[intent], [r[instruction]])).ToList();
        return new Dataset("Bitext requests → one FAQ article per intent", docs, queries);
    }

    /// <summary>
    /// The same requests as a similar-tickets task: the first <paramref name="perIntent"/> requests of each intent as solved
    /// tickets indexed as past replies (subject = the request, reply = its reference response; id "intent/k"), queried with
    /// the same requests as <see cref="Load"/>, none of them indexed; a past reply of the request's intent is a right one
    /// (<see cref="Query.IsAnsweredBy"/>).
    /// </summary>
    public static Dataset LoadSolvedTickets(string shared, int perIntent)
    {
        var (data, instruction, intent, response, category) = Table(shared);
        var first = data.GroupBy(r => r[intent]).Select(g => g.First()).ToHashSet();
        var queries = data.Where(r => !first.Contains(r)).Where((_, i) => i % 10 == 0).ToHashSet();
        var solved = data.Where(r => !queries.Contains(r)).GroupBy(r => r[intent]).SelectMany(g => g.Take(perIntent)
            .Select((r, k) => new Doc($"{g.Key}/{k}", r[instruction].Trim(), r[response], r[category]))).ToList();
        return new Dataset("Bitext requests → solved tickets of the same intent", solved,
            queries.Select(r => new Query(r[instruction], r[intent], [r[instruction]])).ToList());
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    public static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; }
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row.ToArray());
                row.Clear();
            }
            else { field.Append(c); }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row.ToArray());
        }
        return rows;
    }
}
