using System.Security.Cryptography.X509Certificates;

namespace Matchmaking.ContractSigning.Signing;

/// <summary>One party's signature in an evidence bundle: signatures/{FileStem}.p7s and certificates/{FileStem}.pem.</summary>
/// <param name="FileStem">A file name without extension, e.g. "ben-a-buyer": letters, digits, '.', '_' and '-' only.</param>
/// <param name="Signature">The CMS detached signature, DER.</param>
/// <param name="Certificate">The signer's certificate (written as PEM).</param>
public sealed record EvidenceSignature(string FileStem, byte[] Signature, X509Certificate2 Certificate);
