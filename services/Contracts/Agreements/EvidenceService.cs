using System.Data;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Audit;
using Matchmaking.ContractSigning.Certificates;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Signing;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>
/// The evidence bundle of the current version: the signed PDF, one detached signature per party that signed it (named
/// "buyer-{tax code}" / "supplier-{tax code}"), the trust anchors, and the audit trail with its verification, so anyone can
/// check the signatures with OpenSSL alone and see the chain as the platform recomputed it.
/// </summary>
public sealed class EvidenceService(ContractsDbContext db, TrustStore trust, AuditTrail audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public async Task<(byte[] Zip, string FileName)> BuildAsync(Agreement agreement, CancellationToken ct)
    {
        // One snapshot for everything in the bundle, so the trail, its verification and the signatures agree with each other.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == agreement.Id, ct);
        var version = await db.Versions.AsNoTracking().SingleAsync(v => v.AgreementId == agreement.Id && v.Version == agreement.CurrentVersion, ct);
        var signatures = await db.Signatures.AsNoTracking().Where(s => s.AgreementId == agreement.Id && s.Version == agreement.CurrentVersion)
            .OrderBy(s => s.AcceptedAt).ToListAsync(ct);
        var entries = await audit.EntriesAsync(agreement.Id, ct);
        var chain = await audit.VerifyAsync(agreement.Id, ct);
        var trail = JsonSerializer.SerializeToUtf8Bytes(new
        {
            agreementId = agreement.Id,
            agreementNumber = agreement.Number,
            version = version.Version,
            documentSha256 = version.DocumentSha256,
            chain = AuditVerificationResponse.From(chain),
            entries = entries.Select(AuditEntryResponse.From),
        }, Json);

        var certificates = signatures.Select(s => X509CertificateLoader.LoadCertificate(s.Certificate)).ToList();
        try
        {
            var content = new EvidenceBundleContent(agreement.Number, version.Version, version.Document,
                [.. signatures.Zip(certificates, (s, certificate) => new EvidenceSignature(Stem(s, version), s.Signature, certificate))],
                await trust.AnchorsAsync(ct), trail, clock.GetUtcNow());
            using var zip = new MemoryStream();
            EvidenceBundle.Write(zip, content);
            return (zip.ToArray(), $"{agreement.Number}-v{version.Version}-evidence.zip");
        }
        finally
        {
            certificates.ForEach(c => c.Dispose());
        }
    }

    private static string Stem(AgreementSignature s, AgreementVersion version) =>
        $"{s.Side}-{(version.PartyOf(s.Side).TaxCode is { Length: > 0 } taxCode ? Safe(taxCode) : s.OrganisationId.ToString("N"))}";

    /// <summary>A tax code as a file name: letters, digits and dashes only.</summary>
    private static string Safe(string value) => new([.. value.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')]);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        global::Matchmaking.ServiceDefaults.Extensions.ConfigureJson(options);
        return options;
    }
}
