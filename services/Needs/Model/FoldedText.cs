using System.Globalization;
using System.Text;

namespace Matchmaking.Needs.Model;

/// <summary>
/// Vietnamese text without diacritics, lower-cased, letters and digits only: "Túi phân huỷ sinh học" and "tui phan huy"
/// fold to the same words, so buyers and suppliers find needs however they type.
/// </summary>
public static class FoldedText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            // đ is a letter of its own, not d with a mark, so decomposition leaves it alone.
            var c = ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch);
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The distinct words of a query, at most <paramref name="maxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? text, int maxWords = 16) =>
        [.. Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(maxWords)];
}
