using System.Text;

namespace Matchmaking.Catalogue.Search;

/// <summary>
/// What an adapter may do with a buyer's text: letters and digits only, lower-cased, NFC, at most 16 words. Query
/// syntax of any engine (SQL quotes, tsquery or Lucene operators, wildcards) becomes plain word separators, so user text
/// is never parsed as a query language.
/// </summary>
public static class SearchText
{
    public const int MaxWords = 16;

    public static string Sanitise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var normalised = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalised.Length);
        foreach (var ch in normalised)
            builder.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords));
    }
}
