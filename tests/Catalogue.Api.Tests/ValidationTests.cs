using System.Net;
using System.Net.Http.Json;
using System.Text;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Model;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>Bad input gets an RFC 9457 problem naming the field, and nothing is stored.</summary>
public sealed class ValidationTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task AssertNoProductsAsync(HttpClient client) => Assert.Empty(await client.MyProductsAsync());

    private async Task AssertNoCertificatesAsync(HttpClient client) =>
        Assert.Empty(await (await client.GetAsync("/api/catalogue/certificates")).ReadAsync<List<CertificateResponse>>(HttpStatusCode.OK));

    [Fact]
    public async Task Malformed_json_is_rejected_without_storing()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var response = await client.PostAsync("/api/catalogue/products", Raw("""{ "nameVi": "Bình gốm", """));
        await response.AssertValidationProblemAsync("$");
        await AssertNoProductsAsync(client);
    }

    [Fact]
    public async Task A_wrong_type_names_the_field_by_its_json_path()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var json = System.Text.Json.JsonSerializer.Serialize(TestData.Vase(), CatalogueFactory.Json)
            .Replace("\"minimumOrderQuantity\":50", "\"minimumOrderQuantity\":\"fifty\"");
        var response = await client.PostAsync("/api/catalogue/products", Raw(json));
        await response.AssertValidationProblemAsync("$.minimumOrderQuantity");
        await AssertNoProductsAsync(client);
    }

    [Fact]
    public async Task Missing_fields_are_each_named()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var response = await client.PostAsync("/api/catalogue/products", Raw("""{ "descriptionVi": "Mô tả" }"""));
        await response.AssertValidationProblemAsync("nameVi");
        await response.AssertValidationProblemAsync("category");
        await response.AssertValidationProblemAsync("packaging");
        await response.AssertValidationProblemAsync("minimumOrderQuantity");
        await AssertNoProductsAsync(client);
    }

    [Fact]
    public async Task A_negative_price_is_rejected_without_storing()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var request = TestData.Vase() with { PriceTiers = [new PriceTierRequest(50, -185_000)] };
        var response = await client.PostAsJsonAsync("/api/catalogue/products", request, CatalogueFactory.Json);
        await response.AssertValidationProblemAsync("priceTiers[0].unitPriceVnd");
        await AssertNoProductsAsync(client);
    }

    [Fact]
    public async Task Price_tiers_out_of_order_and_an_unknown_category_are_rejected()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var request = TestData.Vase() with
        {
            Category = "plastic-bags",
            PriceTiers = [new PriceTierRequest(500, 160_000), new PriceTierRequest(50, 185_000)],
        };
        var response = await client.PostAsJsonAsync("/api/catalogue/products", request, CatalogueFactory.Json);
        await response.AssertValidationProblemAsync("priceTiers");
        await response.AssertValidationProblemAsync("category");
        await AssertNoProductsAsync(client);
    }

    [Fact]
    public async Task Image_urls_must_be_absolute_http_and_at_most_ten()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var relative = await client.PostAsJsonAsync("/api/catalogue/products", TestData.Vase() with { ImageUrls = ["/img/a.jpg"] }, CatalogueFactory.Json);
        var tooMany = await client.PostAsJsonAsync("/api/catalogue/products",
            TestData.Vase() with { ImageUrls = [.. Enumerable.Range(0, 11).Select(i => $"https://img.example.vn/{i}.jpg")] }, CatalogueFactory.Json);
        await relative.AssertValidationProblemAsync("imageUrls");
        await tooMany.AssertValidationProblemAsync("imageUrls");
        await AssertNoProductsAsync(client);
    }

    [Fact]
    public async Task A_five_megabyte_description_is_rejected_without_storing()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var request = TestData.Vase() with { DescriptionVi = new string('ồ', 5 * 1024 * 1024 / 3) };
        var response = await client.PostAsJsonAsync("/api/catalogue/products", request, CatalogueFactory.Json);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"got {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest) await response.AssertValidationProblemAsync("descriptionVi");
        await AssertNoProductsAsync(client);
    }

    [Fact]
    public async Task A_site_or_certificate_of_another_organisation_cannot_be_cited()
    {
        var (_, owner) = await factory.NewSupplierAsync();
        var site = await owner.CreateSiteAsync();
        var certificate = await owner.CreateCertificateAsync();
        var (_, other) = await factory.NewSupplierAsync("Xưởng khác");

        var response = await other.PostAsJsonAsync("/api/catalogue/products", TestData.Vase(site.Id, [certificate.Id]), CatalogueFactory.Json);

        await response.AssertValidationProblemAsync("siteId");
        await response.AssertValidationProblemAsync("certificateIds");
        await AssertNoProductsAsync(other);
    }

    [Fact]
    public async Task A_certificate_valid_until_before_valid_from_is_rejected()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var request = TestData.Ocop() with { ValidFrom = TestData.Today, ValidUntil = TestData.Today.AddDays(-1), IssuedOn = null };
        var response = await client.PostAsJsonAsync("/api/catalogue/certificates", request, CatalogueFactory.Json);
        await response.AssertValidationProblemAsync("validUntil");
        await AssertNoCertificatesAsync(client);
    }

    [Fact]
    public async Task An_unknown_scheme_is_rejected_on_schemeCode()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var response = await client.PostAsJsonAsync("/api/catalogue/certificates", TestData.Ocop() with { SchemeCode = "GREEN_STAR" }, CatalogueFactory.Json);
        await response.AssertValidationProblemAsync("schemeCode");
        await AssertNoCertificatesAsync(client);
    }

    [Fact]
    public async Task An_FSC_number_that_does_not_match_the_scheme_pattern_is_rejected_and_a_matching_one_accepted()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var fsc = TestData.Ocop() with { SchemeCode = "FSC", Level = "FSC Mix", Issuer = "SGS", Number = "FSC-123" };

        var rejected = await client.PostAsJsonAsync("/api/catalogue/certificates", fsc, CatalogueFactory.Json);
        await rejected.AssertValidationProblemAsync("number");
        await AssertNoCertificatesAsync(client);

        var accepted = await client.CreateCertificateAsync(fsc with { Number = "SGS-COC-004567" });
        Assert.Equal("SGS-COC-004567", accepted.Number);
    }

    [Fact]
    public async Task A_level_outside_the_schemes_levels_is_rejected()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var response = await client.PostAsJsonAsync("/api/catalogue/certificates", TestData.Ocop() with { Level = "6-star" }, CatalogueFactory.Json);
        await response.AssertValidationProblemAsync("level");
        await AssertNoCertificatesAsync(client);
    }

    [Fact]
    public async Task A_bad_evidence_hash_and_a_scope_without_sites_are_rejected()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var request = TestData.Ocop(scope: new CertificateScopeRequest(CertificateScopeKind.Sites, [], null)) with { EvidenceSha256 = "not-a-hash" };
        var response = await client.PostAsJsonAsync("/api/catalogue/certificates", request, CatalogueFactory.Json);
        await response.AssertValidationProblemAsync("evidenceSha256");
        await response.AssertValidationProblemAsync("scope.siteIds");
        await AssertNoCertificatesAsync(client);
    }

    [Fact]
    public async Task Coordinates_outside_Vietnam_are_rejected()
    {
        var (_, client) = await factory.NewSupplierAsync();
        var swapped = TestData.BatTrangSite() with { Latitude = 105.913, Longitude = 20.975 };
        var response = await client.PostAsJsonAsync("/api/catalogue/sites", swapped, CatalogueFactory.Json);
        await response.AssertValidationProblemAsync("latitude");
        await response.AssertValidationProblemAsync("longitude");
        Assert.Empty(await (await client.GetAsync("/api/catalogue/sites")).ReadAsync<List<SiteResponse>>(HttpStatusCode.OK));
    }
}
