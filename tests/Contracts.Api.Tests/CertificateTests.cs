using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Matchmaking.Contracts.Identity;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>Platform certificates on request, external ones by registration, the public CA and trust anchors.</summary>
public sealed class CertificateTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    private async Task<(Guid Id, string TaxCode, string LegalName)> RegisteredAsync(string kind = OrganisationKinds.Supplier)
    {
        var (id, taxCode, name) = (Guid.NewGuid(), TestData.NewTaxCode(), "Hợp tác xã Mây tre đan Phú Vinh");
        await (await factory.PublisherAsync()).PublishAsync(new OrganisationRegistered
        {
            OrganisationId = id, Kind = kind, LegalName = name, TaxCode = taxCode, Province = "Hà Nội", District = "Chương Mỹ",
            Street = "Thôn Phú Vinh", Commune = "Phú Nghĩa", Representative = "Nguyễn Thị Lan", RegisteredAt = DateTimeOffset.UtcNow,
        });
        await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == id)), found => found);
        return (id, taxCode, name);
    }

    private static Task<HttpResponseMessage> Issue(HttpClient client) => client.PostAsync("/api/contracts/certificates", null);

    [Fact]
    public async Task An_owner_gets_one_platform_certificate_naming_its_tax_code_and_chaining_to_the_published_authority()
    {
        var (id, taxCode, name) = await RegisteredAsync();
        var owner = factory.CreateClientFor(id, OrganisationKinds.Supplier, OrganisationRoles.Owner);

        var issued = await (await Issue(owner)).ReadAsync<CertificateResponse>(HttpStatusCode.Created);

        Assert.Equal((SigningCertificate.Platform, taxCode, (DateTimeOffset?)null), (issued.Source, issued.TaxCode, issued.RevokedAt));
        using var certificate = X509Certificate2.CreateFromPem(issued.Pem);
        Assert.Contains($"MST:{taxCode}", certificate.Subject);
        Assert.Contains(name, certificate.Subject);
        Assert.InRange(issued.NotAfter - issued.NotBefore, TimeSpan.FromDays(729), TimeSpan.FromDays(731));
        var authority = await factory.CreateClient().GetStringAsync("/api/contracts/certificates/authority");
        using var root = X509Certificate2.CreateFromPem(authority);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(certificate), string.Join(", ", chain.ChainStatus.Select(c => c.StatusInformation)));

        // One usable certificate at a time; a signer may hold it, a member may only see it.
        await (await Issue(factory.CreateClientFor(id, OrganisationKinds.Supplier, OrganisationRoles.Signer))).AssertProblemAsync(HttpStatusCode.Conflict);
        var listed = await (await factory.CreateClientFor(id, OrganisationKinds.Supplier, OrganisationRoles.Member).GetAsync("/api/contracts/certificates"))
            .ReadAsync<List<CertificateResponse>>(HttpStatusCode.OK);
        Assert.Equal(issued.Fingerprint, Assert.Single(listed).Fingerprint);
        // The private key never leaves the service encrypted or not.
        Assert.DoesNotContain("PRIVATE KEY", issued.Pem);
        var stored = await factory.WithDbAsync(db => db.Certificates.SingleAsync(c => c.Id == issued.Id));
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", stored.ProtectedKey);
    }

    [Fact]
    public async Task Members_admins_and_the_programme_office_cannot_request_register_or_revoke_certificates()
    {
        var (id, _, _) = await RegisteredAsync();
        var issued = await (await Issue(factory.CreateClientFor(id, OrganisationKinds.Supplier))).ReadAsync<CertificateResponse>(HttpStatusCode.Created);

        foreach (var client in new[]
        {
            factory.CreateClientFor(id, OrganisationKinds.Supplier, OrganisationRoles.Member),
            factory.CreateClientFor(id, OrganisationKinds.Supplier, OrganisationRoles.Admin),
            factory.CreateClientFor(Guid.NewGuid(), OrganisationKinds.ProgrammeOffice),
        })
        {
            await (await Issue(client)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync("/api/contracts/certificates/external", new { certificatePem = "x" }, ContractsFactory.Json))
                .AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"/api/contracts/certificates/{issued.Id}/revoke", new { reason = "x" }, ContractsFactory.Json))
                .AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        // Another organisation's owner is told the certificate does not exist.
        var (other, _, _) = await RegisteredAsync();
        await (await factory.CreateClientFor(other, OrganisationKinds.Supplier).PostAsJsonAsync($"/api/contracts/certificates/{issued.Id}/revoke",
            new { reason = "x" }, ContractsFactory.Json)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await (await factory.CreateClientFor(other, OrganisationKinds.Supplier).GetAsync("/api/contracts/certificates"))
            .ReadAsync<List<CertificateResponse>>(HttpStatusCode.OK));

        var after = await factory.WithDbAsync(db => db.Certificates.SingleAsync(c => c.Id == issued.Id));
        Assert.Null(after.RevokedAt);
    }

    [Fact]
    public async Task An_organisation_the_service_has_never_heard_of_gets_409()
    {
        var client = factory.CreateClientFor(Guid.NewGuid(), OrganisationKinds.Supplier);
        await (await Issue(client)).AssertProblemAsync(HttpStatusCode.Conflict, "registration");
    }

    [Fact]
    public async Task An_external_certificate_is_registered_only_when_trusted_valid_and_naming_the_organisations_tax_code()
    {
        var (id, taxCode, name) = await RegisteredAsync();
        var owner = factory.CreateClientFor(id, OrganisationKinds.Supplier);
        Task<HttpResponseMessage> Register(string pem) =>
            owner.PostAsJsonAsync("/api/contracts/certificates/external", new { certificatePem = pem }, ContractsFactory.Json);
        using var untrusted = factory.UntrustedProvider.Issue(name, taxCode);
        using var otherTaxCode = factory.Provider.Issue(name, TestData.NewTaxCode());
        using var expired = factory.Provider.Issue(name, taxCode, DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddDays(-3));
        using var good = factory.Provider.Issue(name, taxCode);

        await (await Register("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----")).AssertValidationProblemAsync("certificatePem");
        await (await Register(untrusted.ExportCertificatePem())).AssertValidationProblemAsync("certificatePem", "not trusted");
        await (await Register(expired.ExportCertificatePem())).AssertValidationProblemAsync("certificatePem", "not trusted");
        await (await Register(otherTaxCode.ExportCertificatePem())).AssertValidationProblemAsync("certificatePem", "tax code");
        Assert.Empty(await (await owner.GetAsync("/api/contracts/certificates")).ReadAsync<List<CertificateResponse>>(HttpStatusCode.OK));

        var registered = await (await Register(good.ExportCertificatePem())).ReadAsync<CertificateResponse>(HttpStatusCode.Created);
        Assert.Equal((SigningCertificate.External, good.Subject), (registered.Source, registered.Subject));
        await (await Register(good.ExportCertificatePem())).AssertProblemAsync(HttpStatusCode.Conflict, "already registered");
    }

    [Fact]
    public async Task The_authority_and_the_trust_anchors_are_public()
    {
        var anonymous = factory.CreateClient();

        var authority = X509Certificate2.CreateFromPem(await anonymous.GetStringAsync("/api/contracts/certificates/authority"));
        var anchors = new X509Certificate2Collection();
        anchors.ImportFromPem(await anonymous.GetStringAsync("/api/contracts/trust-anchors"));

        Assert.Equal(authority.Subject, authority.Issuer);
        Assert.Contains("Green Link", authority.Subject);
        Assert.Equal(new[] { authority.Thumbprint, factory.Provider.Root.Thumbprint }.Order(), anchors.Select(a => a.Thumbprint).Order());
    }
}
