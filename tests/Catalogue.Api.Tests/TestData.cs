using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Model;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>Valid requests to start from, and calls that create what a test needs through the API.</summary>
public static class TestData
{
    public static DateOnly Today => TimeProvider.System.Today();

    public static SiteRequest BatTrangSite() =>
        new("Xưởng gốm Giang Cao", "Bát Tràng", "Bát Tràng", "Gia Lâm", "Hà Nội", 20.975, 105.913);

    public static CreateCertificateRequest Ocop(int validForDays = 400, CertificateScopeRequest? scope = null) => new(
        "OCOP", "OCOP-HN-2024-0153", "UBND Thành phố Hà Nội", "4-star", Today.AddDays(-300), Today.AddDays(-300), Today.AddDays(validForDays),
        new string('a', 64), scope ?? new CertificateScopeRequest(CertificateScopeKind.Organisation, null, null));

    public static ProductRequest Vase(Guid? siteId = null, IReadOnlyList<Guid>? certificateIds = null) => new(
        "Bình gốm men lam Bát Tràng", "Blue-glaze Bát Tràng vase",
        "Bình gốm thủ công, men lam truyền thống, nung ở 1.200 độ C, đóng gói bằng giấy tái chế.", null,
        "ceramics", "cái",
        [new PriceTierRequest(50, 185_000), new PriceTierRequest(500, 160_000)],
        50, 3_000, 14, Packaging.PlasticFree, "TXNG-HN-0001",
        ["https://img.example.vn/binh-gom-1.jpg"], siteId, certificateIds ?? []);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, CatalogueFactory.Json)!;
    }

    public static async Task<SiteResponse> CreateSiteAsync(this HttpClient client, SiteRequest? request = null) =>
        await (await client.PostAsJsonAsync("/api/catalogue/sites", request ?? BatTrangSite(), CatalogueFactory.Json))
            .ReadAsync<SiteResponse>(HttpStatusCode.Created);

    public static async Task<CertificateResponse> CreateCertificateAsync(this HttpClient client, CreateCertificateRequest? request = null) =>
        await (await client.PostAsJsonAsync("/api/catalogue/certificates", request ?? Ocop(), CatalogueFactory.Json))
            .ReadAsync<CertificateResponse>(HttpStatusCode.Created);

    public static async Task<ProductResponse> CreateProductAsync(this HttpClient client, ProductRequest request) =>
        await (await client.PostAsJsonAsync("/api/catalogue/products", request, CatalogueFactory.Json))
            .ReadAsync<ProductResponse>(HttpStatusCode.Created);

    public static async Task<ProductResponse> PublishAsync(this HttpClient client, Guid productId) =>
        await (await client.PostAsync($"/api/catalogue/products/{productId}/publish", null)).ReadAsync<ProductResponse>(HttpStatusCode.OK);

    /// <summary>A published vase from a Bát Tràng site with an organisation-wide OCOP certificate.</summary>
    public static async Task<(ProductResponse Product, SiteResponse Site, CertificateResponse Certificate)> PublishedVaseAsync(
        this HttpClient client, CreateCertificateRequest? certificate = null)
    {
        var site = await client.CreateSiteAsync();
        var cert = await client.CreateCertificateAsync(certificate);
        var draft = await client.CreateProductAsync(Vase(site.Id, [cert.Id]));
        return (await client.PublishAsync(draft.Id), site, cert);
    }

    public static async Task<List<ProductResponse>> MyProductsAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/catalogue/products/mine")).ReadAsync<List<ProductResponse>>(HttpStatusCode.OK);

    /// <summary>Asserts an RFC 9457 validation problem that names <paramref name="field"/> among its errors.</summary>
    public static async Task AssertValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {Truncate(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.True(doc.RootElement.TryGetProperty("errors", out var errors), $"No errors in {Truncate(body)}");
        var fields = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(fields.Contains(field), $"Expected an error for '{field}', got: {string.Join(", ", fields)}");
    }

    private static string Truncate(string s) => s.Length > 2000 ? s[..2000] + "..." : s;
}
