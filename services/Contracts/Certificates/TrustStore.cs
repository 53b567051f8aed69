using System.Security.Cryptography.X509Certificates;
using System.Text;
using Matchmaking.ContractSigning.Services;
using Matchmaking.ContractSigning.Signing;
using Microsoft.Extensions.Options;

namespace Matchmaking.ContractSigning.Certificates;

/// <summary>
/// The certificates a signature may chain to: the platform's own CA and the licensed providers' roots from configuration
/// (Signing:TrustAnchors files, Signing:TrustAnchorPems), read once. Revocation is not the verifier's business: the
/// signing services check the certificates table.
/// </summary>
public sealed class TrustStore(PlatformAuthority authority, IOptions<SigningOptions> options)
{
    private readonly Lazy<IReadOnlyList<X509Certificate2>> _configured = new(() => options.Value.LoadTrustAnchors());
    private SignatureVerifier? _verifier;

    public async Task<SignatureVerifier> VerifierAsync(CancellationToken ct)
    {
        if (_verifier is { } verifier) return verifier;
        var platform = await authority.CertificateAsync(ct);
        // Two callers racing here build equal verifiers; either may win.
        return _verifier = new SignatureVerifier([platform, .. _configured.Value.Where(a => a.Thumbprint != platform.Thumbprint)]);
    }

    public async Task<IReadOnlyList<X509Certificate2>> AnchorsAsync(CancellationToken ct) => (await VerifierAsync(ct)).TrustAnchors;

    public async Task<string> AnchorsPemAsync(CancellationToken ct)
    {
        var pem = new StringBuilder();
        foreach (var anchor in await AnchorsAsync(ct)) pem.Append(CertificateNames.ToPem(anchor).TrimEnd()).Append('\n');
        return pem.ToString();
    }
}
