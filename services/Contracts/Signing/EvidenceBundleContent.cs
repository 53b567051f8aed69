using System.Security.Cryptography.X509Certificates;

namespace Matchmaking.ContractSigning.Signing;

/// <summary>Everything an evidence bundle holds. <paramref name="CreatedAt"/> stamps every zip entry, so the same content gives the same zip.</summary>
public sealed record EvidenceBundleContent(string AgreementNumber, int Version, byte[] Pdf, IReadOnlyList<EvidenceSignature> Signatures,
    IReadOnlyList<X509Certificate2> TrustAnchors, byte[] AuditTrailJson, DateTimeOffset CreatedAt);
