using System.Diagnostics;
using System.Security.Cryptography;
using Matchmaking.ContractSigning.Documents;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>Makes a version: its PDF rendered once from the terms, and that PDF's SHA-256, which is what gets signed.</summary>
public sealed class VersionDocuments(AgreementPdfRenderer renderer)
{
    public AgreementVersion Create(Guid agreementId, string number, int version, AgreementTerms terms, DateTimeOffset createdAt,
        Guid? byOrganisationId, Guid? byUserId, int? basedOnVersion)
    {
        var started = Stopwatch.GetTimestamp();
        var pdf = renderer.Render(new AgreementDocument(number, version, createdAt, terms));
        ContractsTelemetry.RenderDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new AgreementVersion
        {
            AgreementId = agreementId,
            Version = version,
            CreatedAt = createdAt,
            CreatedByOrganisationId = byOrganisationId,
            CreatedByUserId = byUserId,
            BasedOnVersion = basedOnVersion,
            Terms = terms,
            Document = pdf,
            DocumentSha256 = Sha256(pdf),
        };
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
