namespace Copilot.Api.Knowledge;

/// <summary>
/// Words too common to say what a ticket is about: English, plus the everyday German, French, Spanish, Dutch, Portuguese
/// and Italian function words (pronouns, auxiliaries, prepositions, conjunctions, adverbs like "again" and "so"), and the
/// greetings and thanks every ticket has. In an index that is mostly English another language's function words are rare,
/// so unlisted they made two Dutch tickets a keyword match for sharing "als", "dus" and "ongeveer". Left out: words that
/// are also English content words ("door", "car", "plus") or first names ("dan", "ben", "al", "ed", "mai", "lei", "ze",
/// "caro"), which the privacy scrubber (<c>Privacy/CaseDetails</c>) must still see as names after a greeting.
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
        "im", "an", "am", "um", "aus", "nach", "vor", "uber", "unter", "ohne", "gegen", "seit", "bis", "wenn", "weil",
        "ob", "als", "schon", "nur", "sehr", "jetzt", "immer", "wieder", "kann", "konnen", "muss", "mussen", "soll",
        "sollte", "wird", "werden", "wurde", "wurden", "bist", "sein", "hatte", "hatten", "ihm", "ihn", "ihnen", "uns",
        "unser", "unsere", "euch", "dein", "ihre", "ihren", "ihrem", "meinen", "meinem", "meiner", "kein", "keine",
        "keinen", "nichts", "etwas", "dann", "doch", "ja", "nein", "hier", "dort", "diese", "dieser", "dieses",
        "diesen", "welche", "warum", "wo", "wer", "sich", "liebe", "lieber", "gruße", "geehrte", "geehrter", "vielen",
        "freundlichen", "grussen", "ungefahr", "einfach", "mal", "trotzdem", "sonst", "obwohl", "musste", "mussten", "wirklich",
        "eigentlich", "bereits", "leider", "zwar", "denn", "damit", "deshalb", "deswegen",
        // French
        "le", "la", "les", "un", "une", "des", "du", "et", "ou", "mais", "est", "sont", "je", "tu", "il", "elle", "nous", "vous",
        "ils", "elles", "mon", "ma", "mes", "ne", "pas", "avec", "pour", "dans", "sur", "que", "qui", "au", "aux", "ce", "cette",
        "merci", "bonjour", "cordialement", "svp",
        "se", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "ta", "tes", "lui", "eux", "me", "moi",
        "te", "toi", "on", "ai", "avez", "avons", "ont", "suis", "etes", "sommes", "etait", "ete", "etre", "avoir",
        "fait", "faire", "peux", "peut", "pouvez", "dois", "doit", "tres", "bien", "tout", "tous", "toute", "toutes",
        "deja", "encore", "toujours", "jamais", "rien", "si", "comme", "quand", "donc", "alors", "aussi", "par", "sans",
        "sous", "chez", "entre", "depuis", "pendant", "apres", "avant", "quoi", "comment", "pourquoi", "cela", "ca",
        "ceci", "cet", "ces", "ici", "non", "oui", "madame", "monsieur", "salut", "bonsoir", "avance", "environ",
        "voici", "qu", "jusqu", "lorsqu", "puisqu", "quelqu", "lorsque", "puisque", "celui", "celle", "ceux", "celles", "dont",
        "puis", "meme", "autre", "autres", "chaque", "quelque", "quelques", "aucun", "aucune", "vers", "parce", "ainsi", "peu",
        "trop", "beaucoup", "vraiment", "plutot", "sera", "serai", "serait", "seront", "aura", "aurai", "aurait", "auront", "avait",
        "avais", "avaient", "etais", "etaient", "soit", "soient", "vais", "vas", "va", "vont",
        // Spanish
        "el", "los", "las", "una", "unos", "y", "o", "pero", "es", "son", "yo", "mi", "mis", "con", "por", "para", "en", "que",
        "del", "al", "lo", "se", "su", "sus", "como", "gracias", "hola", "favor",
        "le", "les", "te", "nos", "este", "esto", "estos", "estas", "ese", "esa", "eso", "aqui", "ya", "muy", "mas",
        "tambien", "sin", "sobre", "hasta", "desde", "cuando", "donde", "porque", "ni", "todo", "todos", "toda",
        "todas", "nada", "algo", "otro", "otra", "ha", "han", "hemos", "hay", "fue", "estar", "estoy", "estan", "tengo",
        "tiene", "tienen", "puedo", "puede", "pueden", "hace", "hacer", "ahora", "siempre", "nunca", "tu", "usted",
        "ustedes", "nuestro", "nuestra", "buenos", "buenas", "dias", "tardes", "saludos", "atentamente", "estimado",
        "estimada", "muchas",
        // Dutch
        "de", "het", "een", "en", "of", "maar", "ik", "jij", "je", "hij", "zij", "wij", "mijn", "niet", "met", "van", "voor",
        "op", "dat", "die", "te", "bedankt", "dank", "groet", "groeten",
        "er", "ook", "nog", "weer", "wel", "geen", "toch", "dus", "om", "tot", "uit", "aan", "naar", "bij", "als",
        "dit", "deze", "zo", "wat", "hoe", "waar", "wie", "welke", "waarom", "kan", "kun", "kunt", "kunnen", "moet",
        "moeten", "wil", "wilt", "willen", "wordt", "worden", "werd", "heeft", "hebben", "heb", "hebt", "bent", "zijn",
        "mij", "ons", "onze", "jullie", "uw", "hem", "haar", "hun", "zich", "iets", "niets", "niks", "eens", "nooit",
        "altijd", "hier", "daar", "nu", "heel", "veel", "meer", "erg", "hoi", "hallo", "beste", "vriendelijke",
        "groetjes", "alvast", "doet", "doen", "gaat", "gaan", "ongeveer", "paar", "zou", "zal",
        // Portuguese
        "os", "as", "um", "uma", "uns", "umas", "e", "ou", "mas", "eu", "ele", "ela", "nos", "voce", "meu", "minha", "meus",
        "minhas", "seu", "sua", "com", "sem", "para", "pra", "por", "em", "no", "na", "nos", "nas", "do", "da", "dos", "das",
        "ao", "aos", "que", "se", "nao", "sim", "muito", "ja", "foi", "ser", "estou", "esta", "tem", "tenho", "obrigado",
        "obrigada", "ola", "bom", "dia", "tarde", "atenciosamente",
        "isso", "isto", "esse", "essa", "aqui", "mais", "menos", "tambem", "ainda", "sempre", "nunca", "nada", "tudo",
        "todos", "todas", "quando", "onde", "porque", "como", "qual", "quais", "sao", "estao", "estava", "era", "sou",
        "fui", "tinha", "temos", "pode", "posso", "podem", "fazer", "fiz", "lhe", "dele", "dela", "nosso", "nossa",
        "seus", "suas", "boa", "noite", "cumprimentos", "prezado", "prezada", "agora", "depois", "antes", "ate",
        "sobre", "num", "numa", "pelo", "pela", "pelos", "pelas", "vez", "vezes",
        // Italian
        "il", "lo", "gli", "uno", "di", "da", "con", "su", "per", "tra", "fra", "non", "che", "mio", "mia", "miei", "mie",
        "sono", "ho", "ha", "hanno", "questo", "questa", "grazie", "ciao", "salve", "buongiorno", "cordiali", "saluti",
        "la", "le", "un", "una", "del", "della", "dei", "delle", "nel", "nella", "alla", "dal", "dalla", "sul", "sulla",
        "ma", "se", "come", "quando", "dove", "perche", "anche", "ancora", "gia", "sempre", "molto", "poi", "piu", "io",
        "lui", "noi", "voi", "loro", "mi", "ti", "ci", "vi", "si", "ne", "suo", "sua", "nostro", "vostro", "questi",
        "quello", "quella", "era", "siamo", "avere", "essere", "abbiamo", "avete", "posso", "puo", "potete", "fare",
        "fatto", "tutto", "tutti", "niente", "buonasera", "gentile", "distinti",
    };
}
