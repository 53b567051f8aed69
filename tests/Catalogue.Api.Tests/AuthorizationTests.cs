using System.Net;
using System.Net.Http.Json;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Model;
using Matchmaking.Contracts.Identity;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>Endpoint by endpoint: another organisation gets 403 or 404, and the owner's data is unchanged afterwards.</summary>
public sealed class AuthorizationTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static bool Refused(HttpResponseMessage r) => r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    [Fact]
    public async Task Another_supplier_cannot_read_change_or_delete_a_site()
    {
        var (_, owner) = await factory.NewSupplierAsync();
        var site = await owner.CreateSiteAsync();
        var (_, other) = await factory.NewSupplierAsync("Xưởng khác");

        Assert.True(Refused(await other.GetAsync($"/api/catalogue/sites/{site.Id}")));
        Assert.True(Refused(await other.PutAsJsonAsync($"/api/catalogue/sites/{site.Id}", TestData.BatTrangSite() with { Name = "Chiếm" }, CatalogueFactory.Json)));
        Assert.True(Refused(await other.DeleteAsync($"/api/catalogue/sites/{site.Id}")));
        Assert.Empty(await (await other.GetAsync("/api/catalogue/sites")).ReadAsync<List<SiteResponse>>(HttpStatusCode.OK));

        var after = await (await owner.GetAsync($"/api/catalogue/sites/{site.Id}")).ReadAsync<SiteResponse>(HttpStatusCode.OK);
        Assert.Equal(site with { CreatedAt = after.CreatedAt, UpdatedAt = after.UpdatedAt }, after);
        Assert.Equal(site.UpdatedAt.ToUnixTimeMilliseconds(), after.UpdatedAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Another_supplier_cannot_read_or_change_the_status_of_a_certificate()
    {
        var (_, owner) = await factory.NewSupplierAsync();
        var certificate = await owner.CreateCertificateAsync();
        var (_, other) = await factory.NewSupplierAsync("Xưởng khác");

        Assert.True(Refused(await other.GetAsync($"/api/catalogue/certificates/{certificate.Id}")));
        Assert.True(Refused(await other.PostAsJsonAsync($"/api/catalogue/certificates/{certificate.Id}/status", new { status = "withdrawn" }, CatalogueFactory.Json)));
        Assert.True(Refused(await other.PostAsJsonAsync($"/api/catalogue/certificates/{certificate.Id}/verification",
            new { state = "registry-verified", registryReference = "x" }, CatalogueFactory.Json)));
        Assert.Empty(await (await other.GetAsync("/api/catalogue/certificates")).ReadAsync<List<CertificateResponse>>(HttpStatusCode.OK));

        var after = await (await owner.GetAsync($"/api/catalogue/certificates/{certificate.Id}")).ReadAsync<CertificateResponse>(HttpStatusCode.OK);
        Assert.Equal((CertificateStatus.Active, VerificationState.SelfDeclared), (after.Status, after.Verification.State));
    }

    [Fact]
    public async Task Another_supplier_cannot_edit_publish_or_withdraw_a_product()
    {
        var (_, owner) = await factory.NewSupplierAsync();
        var site = await owner.CreateSiteAsync();
        var draft = await owner.CreateProductAsync(TestData.Vase(site.Id));
        var (published, _, _) = await owner.PublishedVaseAsync();
        var (_, other) = await factory.NewSupplierAsync("Xưởng khác");

        Assert.True(Refused(await other.PutAsJsonAsync($"/api/catalogue/products/{draft.Id}", TestData.Vase() with { NameVi = "Chiếm" }, CatalogueFactory.Json)));
        Assert.True(Refused(await other.PutAsJsonAsync($"/api/catalogue/products/{published.Id}", TestData.Vase() with { NameVi = "Chiếm" }, CatalogueFactory.Json)));
        Assert.True(Refused(await other.PostAsync($"/api/catalogue/products/{draft.Id}/publish", null)));
        Assert.True(Refused(await other.PostAsync($"/api/catalogue/products/{published.Id}/withdraw", null)));
        Assert.Empty(await other.MyProductsAsync());

        var mine = (await owner.MyProductsAsync()).ToDictionary(p => p.Id);
        Assert.Equal((ProductStatus.Draft, draft.Version, draft.NameVi), (mine[draft.Id].Status, mine[draft.Id].Version, mine[draft.Id].NameVi));
        Assert.Equal((ProductStatus.Published, published.Version, published.NameVi),
            (mine[published.Id].Status, mine[published.Id].Version, mine[published.Id].NameVi));
    }

    [Fact]
    public async Task Only_suppliers_write_catalogue_data()
    {
        var retailer = factory.NewClient(OrganisationKinds.Retailer, out _);
        var office = factory.NewClient(OrganisationKinds.ProgrammeOffice, out _);

        Assert.Equal(HttpStatusCode.Forbidden, (await retailer.PostAsJsonAsync("/api/catalogue/products", TestData.Vase(), CatalogueFactory.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await retailer.PostAsJsonAsync("/api/catalogue/sites", TestData.BatTrangSite(), CatalogueFactory.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync("/api/catalogue/certificates", TestData.Ocop(), CatalogueFactory.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await retailer.PutAsJsonAsync("/api/catalogue/suppliers/me", new { displayName = "Siêu thị" }, CatalogueFactory.Json)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_read_published_data_but_write_nothing()
    {
        var anonymous = factory.CreateClient();
        var (supplierId, owner) = await factory.NewSupplierAsync();
        var (product, _, _) = await owner.PublishedVaseAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/catalogue/products", TestData.Vase(), CatalogueFactory.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/catalogue/products/{product.Id}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/catalogue/products/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/catalogue/products/{product.Id}")).StatusCode);
        var supplier = await (await anonymous.GetAsync($"/api/catalogue/suppliers/{supplierId}")).ReadAsync<SupplierResponse>(HttpStatusCode.OK);
        Assert.Equal("Gốm sứ Minh Long Bát Tràng", supplier.Name);
    }
}
