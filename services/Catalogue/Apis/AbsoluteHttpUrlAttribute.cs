using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Catalogue.Apis;

/// <summary>An absolute http or https URL. Stricter than [Url], which also lets ftp through.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class AbsoluteHttpUrlAttribute() : ValidationAttribute("The {0} field must be an absolute http or https URL.")
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string s => IsHttpUrl(s),
        IEnumerable<string> list => list.All(IsHttpUrl),
        _ => false,
    };

    public static bool IsHttpUrl(string? s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host);
}
