using System.Text.RegularExpressions;

namespace Matchmaking.Catalogue.Model;

/// <summary>Reference data on an eco-label or certification: what a valid certificate of it looks like.</summary>
public sealed class CertificationScheme
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public required string Code { get; init; }
    public required string Name { get; set; }
    public string? Basis { get; set; }
    public string? Subject { get; set; }
    public string? Issuer { get; set; }
    public List<string> Levels { get; set; } = [];
    public int? ValidityMonths { get; set; }
    /// <summary>Named regular expressions a certificate number must match one of; empty when the scheme has no known format.</summary>
    public Dictionary<string, string> NumberPatterns { get; set; } = [];
    public string? Notes { get; set; }

    public bool AcceptsNumber(string number) =>
        NumberPatterns.Count == 0 || NumberPatterns.Values.Any(p => Regex.IsMatch(number, p, RegexOptions.CultureInvariant, RegexTimeout));

    /// <summary>Schemes with levels (OCOP stars, FSC claims) need one of them; schemes without take none.</summary>
    public bool AcceptsLevel(string? level) =>
        Levels.Count == 0 ? string.IsNullOrEmpty(level) : level is not null && Levels.Contains(level);
}
