using System.Security.Cryptography.X509Certificates;

namespace Matchmaking.ContractSigning.Signing;

/// <summary>What checking one detached signature against one document found.</summary>
public sealed record SignatureCheck
{
    /// <summary>The signature is well formed and its digest and signature match the document.</summary>
    public required bool Matches { get; init; }
    /// <summary>The signer's certificate as the signature carries it (a new instance per check; the caller may dispose it).</summary>
    public X509Certificate2? Certificate { get; init; }
    public string? Fingerprint { get; init; }
    public string? Subject { get; init; }
    public string? TaxCode { get; init; }
    /// <summary>The signing-time attribute the signer put in (claimed, not proven).</summary>
    public DateTimeOffset? SigningTime { get; init; }
    /// <summary>The certificate chains to one of the trust anchors and was within its validity at the time checked.</summary>
    public required bool Trusted { get; init; }
    public string? TrustAnchorSubject { get; init; }
    /// <summary>When the certificate's validity was judged.</summary>
    public DateTimeOffset? CheckedAt { get; init; }
    /// <summary>Why not, in plain English, empty when Matches and Trusted.</summary>
    public required IReadOnlyList<string> Problems { get; init; }
    public bool Valid => Matches && Trusted;
}
