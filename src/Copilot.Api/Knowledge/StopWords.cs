namespace Copilot.Api.Knowledge;

/// <summary>
/// Words too common to say what a ticket is about: English, plus the most frequent German,
/// French, Spanish, Dutch, Portuguese and Italian function words, and the greetings and thanks every ticket has.
/// Diacritics are already folded when these are compared.
/// </summary>
internal static class StopWords
{
    public static readonly HashSet<string> All = new(StringComparer.Ordinal)
    {
        // English
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "don", "down", "during", "each", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself",
        "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
        "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "you", "your", "yours", "yourself", "yourselves", "im", "ive", "id", "ill", "dont", "cant", "wont", "didnt", "doesnt", "isnt",
        "s", "t", "m", "re", "ve", "ll", "d", "also", "get", "got", "would", "may", "might", "must", "shall", "yes", "ok", "okay",
        "hi", "hello", "hey", "dear", "thanks", "thank", "please", "regards", "best", "cheers", "sir", "madam", "team",
        // German
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "aber", "ist", "sind",
        "war", "ich", "du", "er", "sie", "es", "wir", "ihr", "mich", "mir", "mein", "meine", "nicht", "mit", "von", "zu", "auf",
        "fur", "bei", "auch", "noch", "wie", "was", "dass", "habe", "hat", "haben", "bitte", "danke", "hallo", "gruss", "grusse",
        // French
        "le", "la", "les", "un", "une", "des", "du", "et", "ou", "mais", "est", "sont", "je", "tu", "il", "elle", "nous", "vous",
        "ils", "elles", "mon", "ma", "mes", "ne", "pas", "avec", "pour", "dans", "sur", "que", "qui", "au", "aux", "ce", "cette",
        "merci", "bonjour", "cordialement", "svp",
        // Spanish
        "el", "los", "las", "una", "unos", "y", "o", "pero", "es", "son", "yo", "mi", "mis", "con", "por", "para", "en", "que",
        "del", "al", "lo", "se", "su", "sus", "como", "gracias", "hola", "favor",
        // Dutch
        "de", "het", "een", "en", "of", "maar", "ik", "jij", "je", "hij", "zij", "wij", "mijn", "niet", "met", "van", "voor",
        "op", "dat", "die", "te", "bedankt", "dank", "groet", "groeten",
        // Portuguese
        "os", "as", "um", "uma", "uns", "umas", "e", "ou", "mas", "eu", "ele", "ela", "nos", "voce", "meu", "minha", "meus",
        "minhas", "seu", "sua", "com", "sem", "para", "pra", "por", "em", "no", "na", "nos", "nas", "do", "da", "dos", "das",
        "ao", "aos", "que", "se", "nao", "sim", "muito", "ja", "foi", "ser", "estou", "esta", "tem", "tenho", "obrigado",
        "obrigada", "ola", "bom", "dia", "tarde", "atenciosamente",
        // Italian
        "il", "lo", "gli", "uno", "di", "da", "con", "su", "per", "tra", "fra", "non", "che", "mio", "mia", "miei", "mie",
        "sono", "ho", "ha", "hanno", "questo", "questa", "grazie", "ciao", "salve", "buongiorno", "cordiali", "saluti",
    };
}
