using System.Net;
using System.Net.Http.Json;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Model;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Identity;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

public sealed class CertificateTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task The_programme_office_verifies_a_certificate_recording_who_and_when_and_listings_follow()
    {
        await using var listener = await EventListener<ProductUpdated>.StartAsync(factory.RabbitMqConnectionString);
        var (_, supplier) = await factory.NewSupplierAsync();
        var (product, _, certificate) = await supplier.PublishedVaseAsync();
        var office = factory.NewClient(OrganisationKinds.ProgrammeOffice, out var officeId);

        var verified = await (await office.PostAsJsonAsync($"/api/catalogue/certificates/{certificate.Id}/verification",
                new VerifyCertificateRequest(VerificationState.RegistryVerified, "ocop.gov.vn/tra-cuu/OCOP-HN-2024-0153"), CatalogueFactory.Json))
            .ReadAsync<CertificateResponse>(HttpStatusCode.OK);

        Assert.Equal(VerificationState.RegistryVerified, verified.Verification.State);
        Assert.Equal(officeId, verified.Verification.VerifiedByOrganisationId);
        Assert.NotNull(verified.Verification.VerifiedByUserId);
        Assert.NotNull(verified.Verification.VerifiedAt);
        var evt = (await listener.WaitForAsync(e => e.Product.ProductId == product.Id)).Message;
        Assert.Equal("registry-verified", Assert.Single(evt.Product.Certifications).VerificationState);
        Assert.True(evt.Version > product.Version);
    }

    [Fact]
    public async Task A_supplier_cannot_verify_even_its_own_certificate()
    {
        var (_, supplier) = await factory.NewSupplierAsync();
        var certificate = await supplier.CreateCertificateAsync();

        var response = await supplier.PostAsJsonAsync($"/api/catalogue/certificates/{certificate.Id}/verification",
            new VerifyCertificateRequest(VerificationState.DocumentChecked, null), CatalogueFactory.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await (await supplier.GetAsync($"/api/catalogue/certificates/{certificate.Id}")).ReadAsync<CertificateResponse>(HttpStatusCode.OK);
        Assert.Equal(VerificationState.SelfDeclared, after.Verification.State);
    }

    [Fact]
    public async Task A_registry_verification_must_name_the_registry_entry()
    {
        var (_, supplier) = await factory.NewSupplierAsync();
        var certificate = await supplier.CreateCertificateAsync();
        var office = factory.NewClient(OrganisationKinds.ProgrammeOffice, out _);

        var response = await office.PostAsJsonAsync($"/api/catalogue/certificates/{certificate.Id}/verification",
            new VerifyCertificateRequest(VerificationState.RegistryVerified, null), CatalogueFactory.Json);

        await response.AssertValidationProblemAsync("registryReference");
    }

    [Fact]
    public async Task Suspending_a_certificate_removes_the_badge_and_republishes_the_product()
    {
        await using var listener = await EventListener<ProductUpdated>.StartAsync(factory.RabbitMqConnectionString);
        var (_, supplier) = await factory.NewSupplierAsync();
        var (product, _, certificate) = await supplier.PublishedVaseAsync();

        var suspended = await (await supplier.PostAsJsonAsync($"/api/catalogue/certificates/{certificate.Id}/status",
            new ChangeCertificateStatusRequest(CertificateStatus.Suspended), CatalogueFactory.Json)).ReadAsync<CertificateResponse>(HttpStatusCode.OK);

        Assert.Equal(CertificateStatus.Suspended, suspended.Status);
        var read = await (await factory.CreateClient().GetAsync($"/api/catalogue/products/{product.Id}")).ReadAsync<ProductResponse>(HttpStatusCode.OK);
        Assert.Equal((false, BadgeReason.Suspended), (read.Certifications[0].Valid, read.Certifications[0].Reason));
        var evt = (await listener.WaitForAsync(e => e.Product.ProductId == product.Id)).Message;
        Assert.False(Assert.Single(evt.Product.Certifications).ValidAtSnapshot);
    }

    [Fact]
    public async Task A_certificate_scoped_to_another_site_shows_as_out_of_scope()
    {
        var (_, supplier) = await factory.NewSupplierAsync();
        var productSite = await supplier.CreateSiteAsync();
        var otherSite = await supplier.CreateSiteAsync(TestData.BatTrangSite() with { Name = "Xưởng Kim Lan", CraftVillage = "Kim Lan", Latitude = 20.958 });
        var certificate = await supplier.CreateCertificateAsync(TestData.Ocop(scope: new CertificateScopeRequest(CertificateScopeKind.Sites, [otherSite.Id], null)));

        var product = await supplier.CreateProductAsync(TestData.Vase(productSite.Id, [certificate.Id]));

        Assert.Equal((false, BadgeReason.OutOfScope), (product.Certifications[0].Valid, product.Certifications[0].Reason));
    }

    [Fact]
    public async Task The_programme_office_can_read_any_certificate()
    {
        var (_, supplier) = await factory.NewSupplierAsync();
        var certificate = await supplier.CreateCertificateAsync();
        var office = factory.NewClient(OrganisationKinds.ProgrammeOffice, out _);

        var read = await (await office.GetAsync($"/api/catalogue/certificates/{certificate.Id}")).ReadAsync<CertificateResponse>(HttpStatusCode.OK);

        Assert.Equal(certificate.Number, read.Number);
    }
}
