using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Model;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>A revoked certificate: what it signed before stays valid, anything after is refused.</summary>
public sealed class RevocationTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    [Fact]
    public async Task Revoking_a_platform_certificate_keeps_earlier_signatures_valid_and_refuses_new_ones()
    {
        var first = await AgreementScenario.DraftedAsync(factory);
        await first.ActivatedAsync();
        var certificate = Assert.Single(await CertificatesAsync(first.Buyer));
        var second = await AgreementScenario.DraftedAsync(factory, TestData.Accepted(buyerId: first.Buyer.Id) with { Buyer = first.Accepted.Buyer });
        await second.SendAsync();

        var revoked = await (await first.Buyer.Owner.PostAsJsonAsync($"/api/contracts/certificates/{certificate.Id}/revoke", new { reason = "Người ký đã nghỉ việc" },
            ContractsFactory.Json)).ReadAsync<CertificateResponse>(HttpStatusCode.OK);
        Assert.NotNull(revoked.RevokedAt);

        // The agreement signed before stays valid, and says the certificate is now revoked.
        var report = await first.SignatureReportAsync();
        Assert.True(report.AllValid);
        var buyerSignature = report.Signatures.Single(r => r.Side == "buyer");
        Assert.Equal((true, true, revoked.RevokedAt), (buyerSignature.Revoked, buyerSignature.Valid, buyerSignature.RevokedAt));
        var (pdf, signature) = await BuyerSignatureFromEvidenceAsync(first);
        var anonymous = await (await factory.CreateClient().PostAsJsonAsync("/api/contracts/verification",
            new { document = Convert.ToBase64String(pdf), signature = Convert.ToBase64String(signature) }, ContractsFactory.Json))
            .ReadAsync<DocumentVerificationResponse>(HttpStatusCode.OK);
        Assert.Equal((true, true, true), (anonymous.Matches, anonymous.Revoked, anonymous.Valid));

        // Nothing new is signed with it.
        await (await second.SignRemotelyAsync(second.Buyer)).AssertProblemAsync(HttpStatusCode.Conflict, "no usable signing certificate");
        await (await first.Buyer.Owner.PostAsJsonAsync($"/api/contracts/certificates/{certificate.Id}/revoke", new { reason = "Lần nữa" }, ContractsFactory.Json))
            .AssertProblemAsync(HttpStatusCode.Conflict, "already revoked");
        Assert.Empty((await second.ReadAsync()).Signatures);

        // A new certificate signs again.
        await second.IssueCertificateAsync(second.Buyer);
        await second.SignedRemotelyAsync(second.Buyer);
    }

    [Fact]
    public async Task A_registered_external_certificate_once_revoked_signs_nothing_new_while_its_earlier_signature_stays_valid()
    {
        var first = await AgreementScenario.DraftedAsync(factory);
        await first.SendAsync();
        using var own = factory.Provider.Issue(first.Supplier.LegalName, first.Supplier.TaxCode);
        await (await first.UploadAsync(first.Supplier, 1, LicensedProvider.Sign(await first.DocumentAsync(), own))).ReadAsync<SignatureResponse>(HttpStatusCode.Created);
        var registered = await (await first.Supplier.Owner.PostAsJsonAsync("/api/contracts/certificates/external",
            new { certificatePem = own.ExportCertificatePem() }, ContractsFactory.Json)).ReadAsync<CertificateResponse>(HttpStatusCode.Created);
        Assert.Equal((SigningCertificate.External, first.Supplier.TaxCode), (registered.Source, registered.TaxCode));

        await (await first.Supplier.Owner.PostAsJsonAsync($"/api/contracts/certificates/{registered.Id}/revoke", new { reason = "Chứng thư bị lộ khóa" },
            ContractsFactory.Json)).ReadAsync<CertificateResponse>(HttpStatusCode.OK);

        var earlier = Assert.Single((await first.SignatureReportAsync()).Signatures);
        Assert.Equal((true, true), (earlier.Revoked, earlier.Valid));
        var second = await AgreementScenario.DraftedAsync(factory, TestData.Accepted(supplierId: first.Supplier.Id) with { Supplier = first.Accepted.Supplier });
        await second.SendAsync();
        await (await second.UploadAsync(second.Supplier, 1, LicensedProvider.Sign(await second.DocumentAsync(), own)))
            .AssertValidationProblemAsync("signature", "revoked");
        Assert.Empty((await second.ReadAsync()).Signatures);
    }

    private static async Task<List<CertificateResponse>> CertificatesAsync(Party party) =>
        await (await party.Owner.GetAsync("/api/contracts/certificates")).ReadAsync<List<CertificateResponse>>(HttpStatusCode.OK);

    private static async Task<(byte[] Pdf, byte[] Signature)> BuyerSignatureFromEvidenceAsync(AgreementScenario s)
    {
        var zip = await (await s.Buyer.Owner.GetAsync($"{s.Url}/evidence")).Content.ReadAsByteArrayAsync();
        using var archive = new ZipArchive(new MemoryStream(zip));
        return (Read(archive, "agreement.pdf"), Read(archive, $"signatures/buyer-{s.Buyer.TaxCode}.p7s"));
    }

    private static byte[] Read(ZipArchive archive, string name)
    {
        using var stream = (archive.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in the bundle")).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
