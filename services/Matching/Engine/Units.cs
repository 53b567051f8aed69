using System.Globalization;
using System.Text;

namespace Matchmaking.Matching.Engine;

/// <summary>
/// Quantities compare only in the same unit, so units are normalised before they are compared: trimmed, lower-cased,
/// Vietnamese diacritics folded (đ to d) and a few synonyms joined (cái, chiếc, piece, pcs are one unit).
/// </summary>
public static class Units
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["cai"] = "piece", ["chiec"] = "piece", ["piece"] = "piece", ["pieces"] = "piece", ["pcs"] = "piece", ["pc"] = "piece",
        ["tui"] = "bag", ["bag"] = "bag", ["bags"] = "bag",
        ["kg"] = "kg", ["kgs"] = "kg", ["kilogram"] = "kg", ["kilograms"] = "kg", ["kilogam"] = "kg", ["ki lo gam"] = "kg", ["can"] = "kg",
        ["hop"] = "box", ["box"] = "box", ["boxes"] = "box",
        ["chai"] = "bottle", ["bottle"] = "bottle", ["bottles"] = "bottle",
        ["bo"] = "set", ["set"] = "set", ["sets"] = "set",
        ["goi"] = "pack", ["pack"] = "pack", ["packs"] = "pack",
        ["doi"] = "pair", ["pair"] = "pair", ["pairs"] = "pair",
        ["lit"] = "litre", ["l"] = "litre", ["litre"] = "litre", ["liter"] = "litre", ["litres"] = "litre", ["liters"] = "litre",
        ["m"] = "metre", ["met"] = "metre", ["metre"] = "metre", ["meter"] = "metre", ["metres"] = "metre", ["meters"] = "metre",
    };

    public static string Key(string? unit)
    {
        var folded = string.Join(' ', Fold(unit ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return Synonyms.GetValueOrDefault(folded, folded);
    }

    /// <summary>Removes Vietnamese diacritics (tones and vowel marks) and maps đ/Đ to d/D.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) builder.Append(ch);
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
