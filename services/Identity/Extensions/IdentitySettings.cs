using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Identity.Extensions;

/// <summary>The token server's settings, section "Identity".</summary>
public sealed class IdentityServerSettings : IValidatableObject
{
    public const string Section = "Identity";

    /// <summary>The issuer tokens carry: the gateway's public URL. Unset, OpenIddict uses the address of each request.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>Where the RSA signing and encryption keys are kept as PEM files; unset, keys are ephemeral (tests only).</summary>
    public string? KeyDirectory { get; set; }

    /// <summary>Where the web portal may receive authorization codes; unset, the local development addresses.</summary>
    public string[]? PortalRedirectUris { get; set; }

    /// <summary>Where the portal may be sent after signing out; unset, the local development addresses.</summary>
    public string[]? PortalPostLogoutRedirectUris { get; set; }

    internal static readonly string[] DevelopmentRedirectUris =
        ["http://127.0.0.1:8080/signin-callback", "http://localhost:8080/signin-callback"];

    internal static readonly string[] DevelopmentPostLogoutRedirectUris = ["http://127.0.0.1:8080/", "http://localhost:8080/"];

    public IReadOnlyList<string> RedirectUris => PortalRedirectUris is { Length: > 0 } uris ? uris : DevelopmentRedirectUris;

    public IReadOnlyList<string> PostLogoutRedirectUris =>
        PortalPostLogoutRedirectUris is { Length: > 0 } uris ? uris : DevelopmentPostLogoutRedirectUris;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var uri in RedirectUris.Concat(PostLogoutRedirectUris))
            if (!Uri.TryCreate(uri, UriKind.Absolute, out _))
                yield return new ValidationResult($"'{uri}' is not an absolute URI.", [nameof(PortalRedirectUris)]);
        if (Issuer is { IsAbsoluteUri: false })
            yield return new ValidationResult("The issuer must be an absolute URI.", [nameof(Issuer)]);
    }
}

/// <summary>The first programme-office account, section "Bootstrap:ProgrammeOffice"; nothing is created when unset.</summary>
public sealed class BootstrapSettings
{
    public const string Section = "Bootstrap:ProgrammeOffice";

    [EmailAddress]
    public string? Email { get; set; }

    public string? Password { get; set; }

    [StringLength(200)]
    public string FullName { get; set; } = "Văn phòng chương trình";

    public bool Enabled => !string.IsNullOrWhiteSpace(Email) && !string.IsNullOrEmpty(Password);
}
