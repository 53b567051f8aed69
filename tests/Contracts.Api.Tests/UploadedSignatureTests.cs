using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Matchmaking.Contracts.Agreements;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ServiceDefaults;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>
/// Bring your own certificate: a party signs the PDF off-platform with a licensed provider's certificate and uploads the
/// detached signature, which is checked against the trust anchors, the party's tax code, the certificate's validity and
/// revocation, and the exact bytes of the current version before it is accepted.
/// </summary>
public sealed class UploadedSignatureTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    private async Task<AgreementScenario> SentAsync()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.SendAsync();
        return s;
    }

    [Fact]
    public async Task A_signature_made_with_a_trusted_providers_certificate_is_accepted_and_both_uploads_activate_the_agreement()
    {
        var s = await SentAsync();
        var pdf = await s.DocumentAsync();
        using var buyerCertificate = factory.Provider.Issue(s.Buyer.LegalName, s.Buyer.TaxCode);
        using var supplierCertificate = factory.Provider.Issue(s.Supplier.LegalName, s.Supplier.TaxCode);

        var buyer = await (await s.UploadAsync(s.Buyer, 1, LicensedProvider.Sign(pdf, buyerCertificate), s.Buyer.As(OrganisationRoles.Signer)))
            .ReadAsync<SignatureResponse>(HttpStatusCode.Created);
        Assert.Equal((SignatureMethods.Uploaded, "buyer", buyerCertificate.Subject), (buyer.Method, buyer.Side, buyer.CertificateSubject));
        Assert.Equal(AgreementStatus.PartiallySigned, (await s.ReadAsync()).Status);
        await (await s.UploadAsync(s.Supplier, 1, LicensedProvider.Sign(pdf, supplierCertificate))).ReadAsync<SignatureResponse>(HttpStatusCode.Created);

        Assert.Equal(AgreementStatus.Active, (await s.ReadAsync()).Status);
        var report = await s.SignatureReportAsync();
        Assert.True(report.AllValid);
        Assert.All(report.Signatures, r => Assert.Equal((true, true, false), (r.MatchesDocument, r.Trusted, r.Revoked)));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "another-organisations-certificate", "another organisation" },
        { "expired-certificate", "not trusted" },
        { "untrusted-provider", "not trusted" },
        { "another-versions-bytes", "not over version 2" },
        { "one-byte-flipped-in-the-document", "not over version 2" },
        { "one-byte-flipped-in-the-signature", "not over version 2" },
        { "revoked-certificate", "revoked" },
        { "not-base64", "not base64" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_uploaded_signature_is_refused_and_changes_nothing_when(string mistake, string reason)
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var v1 = await s.DocumentAsync(1);
        await s.AmendedAsync(s.Supplier);
        await s.SendAsync(2);
        var v2 = await s.DocumentAsync(2);
        using var own = factory.Provider.Issue(s.Buyer.LegalName, s.Buyer.TaxCode);

        byte[] signature;
        switch (mistake)
        {
            case "another-organisations-certificate":
                using (var other = factory.Provider.Issue("Công ty TNHH Khác", TestData.NewTaxCode())) signature = LicensedProvider.Sign(v2, other);
                break;
            case "expired-certificate":
                using (var expired = factory.Provider.Issue(s.Buyer.LegalName, s.Buyer.TaxCode, DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1)))
                    signature = LicensedProvider.Sign(v2, expired, DateTimeOffset.UtcNow.AddDays(-2));
                break;
            case "untrusted-provider":
                using (var untrusted = factory.UntrustedProvider.Issue(s.Buyer.LegalName, s.Buyer.TaxCode)) signature = LicensedProvider.Sign(v2, untrusted);
                break;
            case "another-versions-bytes":
                signature = LicensedProvider.Sign(v1, own);
                break;
            case "one-byte-flipped-in-the-document":
                var flipped = (byte[])v2.Clone();
                flipped[flipped.Length / 2] ^= 0x01;
                signature = LicensedProvider.Sign(flipped, own);
                break;
            case "one-byte-flipped-in-the-signature":
                signature = LicensedProvider.Sign(v2, own);
                signature[^1] ^= 0x01;
                break;
            case "revoked-certificate":
                var registered = await (await s.Buyer.Owner.PostAsJsonAsync("/api/contracts/certificates/external",
                    new { certificatePem = own.ExportCertificatePem() }, ContractsFactory.Json)).ReadAsync<CertificateResponse>(HttpStatusCode.Created);
                await (await s.Buyer.Owner.PostAsJsonAsync($"/api/contracts/certificates/{registered.Id}/revoke", new { reason = "Khóa bị lộ" },
                    ContractsFactory.Json)).ReadAsync<CertificateResponse>(HttpStatusCode.OK);
                signature = LicensedProvider.Sign(v2, own);
                break;
            default:
                var response = await s.Buyer.Owner.PostAsJsonAsync($"{s.Url}/versions/2/signatures/uploaded", new { signature = "this is not base64!" },
                    ContractsFactory.Json);
                await response.AssertValidationProblemAsync("signature", reason);
                await AssertNothingSignedAsync(s);
                return;
        }

        await (await s.UploadAsync(s.Buyer, 2, signature)).AssertValidationProblemAsync("signature", reason);
        await AssertNothingSignedAsync(s);

        // The same party's own valid signature on the same version is still accepted afterwards, unless its certificate was revoked.
        if (mistake != "revoked-certificate")
            await (await s.UploadAsync(s.Buyer, 2, LicensedProvider.Sign(v2, own))).ReadAsync<SignatureResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_signature_on_a_superseded_version_is_409()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var v1 = await s.DocumentAsync(1);
        await s.AmendedAsync(s.Buyer);
        await s.SendAsync(2);
        using var own = factory.Provider.Issue(s.Buyer.LegalName, s.Buyer.TaxCode);

        await (await s.UploadAsync(s.Buyer, 1, LicensedProvider.Sign(v1, own))).AssertProblemAsync(HttpStatusCode.Conflict, "superseded");
        await AssertNothingSignedAsync(s);
    }

    [Fact]
    public async Task Members_and_admins_cannot_upload_signatures()
    {
        var s = await SentAsync();
        using var own = factory.Provider.Issue(s.Buyer.LegalName, s.Buyer.TaxCode);
        var signature = LicensedProvider.Sign(await s.DocumentAsync(), own);

        await (await s.UploadAsync(s.Buyer, 1, signature, s.Buyer.As(OrganisationRoles.Member))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await s.UploadAsync(s.Buyer, 1, signature, s.Buyer.As(OrganisationRoles.Admin))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await AssertNothingSignedAsync(s);
    }

    private static async Task AssertNothingSignedAsync(AgreementScenario s)
    {
        var a = await s.ReadAsync();
        Assert.Equal(AgreementStatus.AwaitingSignatures, a.Status);
        Assert.Empty(a.Signatures);
        Assert.DoesNotContain((await s.AuditAsync()).Entries, e => e.Action == "signed");
    }
}
