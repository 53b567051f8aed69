using System.Net;
using System.Net.Http.Json;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Model;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

public sealed class ProductLifecycleTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task Publishing_a_product_makes_it_readable_anonymously_and_publishes_ProductPublished()
    {
        await using var listener = await EventListener<ProductPublished>.StartAsync(factory.RabbitMqConnectionString);
        var (supplierId, client) = await factory.NewSupplierAsync("Gốm Giang Cao");
        var site = await client.CreateSiteAsync();
        var certificate = await client.CreateCertificateAsync();
        var draft = await client.CreateProductAsync(TestData.Vase(site.Id, [certificate.Id]));
        Assert.Equal(ProductStatus.Draft, draft.Status);

        var published = await client.PublishAsync(draft.Id);

        Assert.Equal(ProductStatus.Published, published.Status);
        var read = await (await factory.CreateClient().GetAsync($"/api/catalogue/products/{draft.Id}")).ReadAsync<ProductResponse>(HttpStatusCode.OK);
        Assert.Equal("Bình gốm men lam Bát Tràng", read.NameVi);
        var badge = Assert.Single(read.Certifications);
        Assert.True(badge.Valid);
        Assert.Equal(("OCOP", "4-star", VerificationState.SelfDeclared), (badge.SchemeCode, badge.Level, badge.VerificationState));

        var evt = (await listener.WaitForAsync(e => e.Product.ProductId == draft.Id)).Message;
        Assert.Equal(published.Version, evt.Version);
        var snapshot = evt.Product;
        Assert.Equal((supplierId, "Gốm Giang Cao", false), (snapshot.SupplierId, snapshot.SupplierName, snapshot.SupplierVerified));
        Assert.Equal(("ceramics", "cái", "plastic-free", 50L, 3_000L, 14), (snapshot.Category, snapshot.Unit, snapshot.Packaging,
            snapshot.MinimumOrderQuantity, snapshot.MonthlyCapacity, snapshot.LeadTimeDays));
        Assert.Equal([new PriceTierSnapshot(50, 185_000), new PriceTierSnapshot(500, 160_000)], snapshot.PriceTiers);
        Assert.Equal((site.Id, "Bát Tràng", "Gia Lâm", "Hà Nội", 20.975, 105.913),
            (snapshot.Site.SiteId, snapshot.Site.CraftVillage, snapshot.Site.District, snapshot.Site.Province, snapshot.Site.Latitude, snapshot.Site.Longitude));
        var cert = Assert.Single(snapshot.Certifications);
        Assert.Equal((certificate.Id, "OCOP", "OCOP-HN-2024-0153", "4-star", "active", "self-declared", true),
            (cert.CertificateId, cert.SchemeCode, cert.Number, cert.Level, cert.Status, cert.VerificationState, cert.ValidAtSnapshot));
        Assert.Equal(certificate.ValidUntil, cert.ValidUntil);
    }

    [Fact]
    public async Task A_draft_is_invisible_to_anonymous_callers_and_other_organisations()
    {
        var (_, owner) = await factory.NewSupplierAsync();
        var draft = await owner.CreateProductAsync(TestData.Vase());
        var (_, other) = await factory.NewSupplierAsync("Một xưởng khác");

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/catalogue/products/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/catalogue/products/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/catalogue/products/{draft.Id}")).StatusCode);
        var list = await (await factory.CreateClient().GetAsync("/api/catalogue/products?pageSize=100")).ReadAsync<PagedResponse<ProductResponse>>(HttpStatusCode.OK);
        Assert.DoesNotContain(list.Items, p => p.Id == draft.Id);
    }

    [Fact]
    public async Task Editing_a_published_product_publishes_ProductUpdated_with_a_higher_version()
    {
        await using var listener = await EventListener<ProductUpdated>.StartAsync(factory.RabbitMqConnectionString);
        var (_, client) = await factory.NewSupplierAsync();
        var (product, site, certificate) = await client.PublishedVaseAsync();

        var edit = TestData.Vase(site.Id, [certificate.Id]) with { PriceTiers = [new PriceTierRequest(50, 179_000)] };
        var updated = await (await client.PutAsJsonAsync($"/api/catalogue/products/{product.Id}", edit, CatalogueFactory.Json)).ReadAsync<ProductResponse>(HttpStatusCode.OK);

        Assert.True(updated.Version > product.Version);
        var evt = (await listener.WaitForAsync(e => e.Product.ProductId == product.Id)).Message;
        Assert.Equal(updated.Version, evt.Version);
        Assert.Equal([new PriceTierSnapshot(50, 179_000)], evt.Product.PriceTiers);
    }

    [Fact]
    public async Task Withdrawing_hides_the_product_from_the_public_and_publishes_ProductWithdrawn()
    {
        await using var listener = await EventListener<ProductWithdrawn>.StartAsync(factory.RabbitMqConnectionString);
        var (supplierId, client) = await factory.NewSupplierAsync();
        var (product, _, _) = await client.PublishedVaseAsync();

        var withdrawn = await (await client.PostAsync($"/api/catalogue/products/{product.Id}/withdraw", null)).ReadAsync<ProductResponse>(HttpStatusCode.OK);

        Assert.Equal(ProductStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/catalogue/products/{product.Id}")).StatusCode);
        var evt = (await listener.WaitForAsync(e => e.ProductId == product.Id)).Message;
        Assert.Equal((supplierId, withdrawn.Version), (evt.SupplierId, evt.Version));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/catalogue/products/{product.Id}/withdraw", null)).StatusCode);
    }

    [Fact]
    public async Task Publishing_without_a_site_or_price_tier_is_rejected_and_the_draft_stays_a_draft()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var draft = await client.CreateProductAsync(TestData.Vase() with { PriceTiers = [] });

        var response = await client.PostAsync($"/api/catalogue/products/{draft.Id}/publish", null);

        await response.AssertValidationProblemAsync("siteId");
        Assert.Equal(ProductStatus.Draft, Assert.Single(await client.MyProductsAsync()).Status);
    }

    [Fact]
    public async Task Two_edits_based_on_the_same_read_yield_one_conflict()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var created = await client.PostAsJsonAsync("/api/catalogue/products", TestData.Vase(), CatalogueFactory.Json);
        var product = await created.ReadAsync<ProductResponse>(HttpStatusCode.Created);
        var etag = created.Headers.ETag!.Tag;

        async Task<HttpResponseMessage> EditAsync(string name)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/catalogue/products/{product.Id}")
            {
                Content = JsonContent.Create(TestData.Vase() with { NameVi = name }, options: CatalogueFactory.Json),
            };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return await client.SendAsync(request);
        }

        var first = await EditAsync("Bình gốm men rạn");
        var second = await EditAsync("Bình gốm men ngọc");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bình gốm men rạn", Assert.Single(await client.MyProductsAsync()).NameVi);
    }

    [Fact]
    public async Task The_public_list_filters_by_supplier_and_category()
    {
        var (supplierId, client) = await factory.NewSupplierAsync();
        var (product, _, _) = await client.PublishedVaseAsync();

        var mine = await (await factory.CreateClient().GetAsync($"/api/catalogue/products?supplierId={supplierId}&category=ceramics"))
            .ReadAsync<PagedResponse<ProductResponse>>(HttpStatusCode.OK);
        var otherCategory = await (await factory.CreateClient().GetAsync($"/api/catalogue/products?supplierId={supplierId}&category=silk"))
            .ReadAsync<PagedResponse<ProductResponse>>(HttpStatusCode.OK);

        Assert.Equal(product.Id, Assert.Single(mine.Items).Id);
        Assert.Equal(1, mine.Total);
        Assert.Empty(otherCategory.Items);
        await (await factory.CreateClient().GetAsync("/api/catalogue/products?category=plastic")).AssertValidationProblemAsync("category");
    }
}
