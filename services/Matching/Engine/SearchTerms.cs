using System.Text;

namespace Matchmaking.Matching.Engine;

/// <summary>
/// A need's text as terms matching can test against a product: letters and digits only, lower-cased, NFC. Each keyword
/// is one term (all its words must appear); the title gives one term per distinct word. Never parsed as query syntax.
/// </summary>
public static class SearchTerms
{
    /// <summary>Masks are 64-bit, one bit per term.</summary>
    public const int MaxTerms = 16;

    public static string Sanitise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
            builder.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static string[] Keywords(IEnumerable<string> keywords) =>
        [.. keywords.Select(Sanitise).Where(k => k.Length > 0).DistinctBy(Units.Fold).Take(MaxTerms)];

    public static string[] TitleWords(string title) =>
        [.. Sanitise(title).Split(' ', StringSplitOptions.RemoveEmptyEntries).DistinctBy(Units.Fold).Take(MaxTerms)];
}
