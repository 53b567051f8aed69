using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.EndToEnd.Tests;

public sealed class SupplierJourneyTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_supplier_registers_signs_in_publishes_a_certified_product_that_anyone_reads_and_ProductPublished_reaches_RabbitMQ()
    {
        await using var published = await EventListener<ProductPublished>.StartAsync(Platform.RabbitMqUri);
        var gateway = new Uri(Platform.GatewayUrl);
        using var anonymous = new HttpClient { BaseAddress = gateway };
        using var owner = await GatewayUser.RegisterAsync(gateway, "supplier", "Hợp tác xã Gốm Kim Lan", "Gia Lâm", "kim-lan.test");
        var (supplier, organisationId) = (owner.Client, owner.OrganisationId);

        var site = await SendAsync(supplier, HttpMethod.Post, "/api/catalogue/sites", new
        {
            name = "Lò gốm Kim Lan", craftVillage = "Kim Lan", commune = "Kim Lan", district = "Gia Lâm", province = "Hà Nội",
            latitude = 20.958, longitude = 105.920,
        });
        var certificate = await SendAsync(supplier, HttpMethod.Post, "/api/catalogue/certificates", new
        {
            schemeCode = "OCOP", number = "OCOP-HN-2026-0007", issuer = "UBND Thành phố Hà Nội", level = "4-star",
            validFrom = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1), validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(30),
            evidenceSha256 = new string('a', 64), scope = new { kind = "organisation" },
        });
        var product = await SendAsync(supplier, HttpMethod.Post, "/api/catalogue/products", new
        {
            nameVi = "Bát gốm men tro Kim Lan", descriptionVi = "Bát ăn cơm men tro tự nhiên, đóng gói rơm.", category = "ceramics",
            unit = "chiếc", priceTiers = new[] { new { minQuantity = 50, unitPriceVnd = 35_000 } },
            minimumOrderQuantity = 50, monthlyCapacity = 5_000, leadTimeDays = 10, packaging = "plastic-free",
            siteId = site.GetProperty("id").GetGuid(), certificateIds = new[] { certificate.GetProperty("id").GetGuid() },
        });
        var productId = product.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/catalogue/products/{productId}")).StatusCode);
        await SendAsync(supplier, HttpMethod.Post, $"/api/catalogue/products/{productId}/publish", null);

        var read = await anonymous.GetFromJsonAsync<JsonElement>($"/api/catalogue/products/{productId}", Json);
        Assert.Equal("Bát gốm men tro Kim Lan", read.GetProperty("nameVi").GetString());
        Assert.Equal("published", read.GetProperty("status").GetString());
        var badge = Assert.Single(read.GetProperty("certifications").EnumerateArray());
        Assert.True(badge.GetProperty("valid").GetBoolean());

        var message = await published.WaitForAsync(e => e.Product.ProductId == productId, TimeSpan.FromSeconds(20));
        Assert.Equal(organisationId, message.Message.Product.SupplierId);
        Assert.Equal("Kim Lan", message.Message.Product.Site.CraftVillage);
        Assert.Equal("OCOP", Assert.Single(message.Message.Product.Certifications).SchemeCode);

        var hit = await FindBySearchAsync(anonymous, "bat gom men tro kim lan", productId);
        Assert.Contains("OCOP", hit.GetProperty("validSchemes").EnumerateArray().Select(s => s.GetString()));

        await SendAsync(supplier, HttpMethod.Post, $"/api/catalogue/products/{productId}/withdraw", null);
        await WaitUntilGoneFromSearchAsync(anonymous, "bat gom men tro kim lan", productId);
    }

    [Fact]
    public async Task An_over_long_search_query_through_the_gateway_gets_a_400_naming_the_field()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Platform.GatewayUrl) };
        var response = await anonymous.GetAsync("/api/catalogue/search?q=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Writes_through_the_gateway_without_a_token_are_refused_at_the_edge()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Platform.GatewayUrl) };
        var response = await anonymous.PostAsJsonAsync("/api/catalogue/products", new { nameVi = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("catalogue")]
    [InlineData("needs")]
    [InlineData("matching")]
    public async Task Each_service_reports_ready_only_with_its_database_and_broker_checks(string service)
    {
        using var http = new HttpClient();
        var health = await http.GetFromJsonAsync<JsonElement>($"{Platform.ServiceUrls[service]}/health/ready", Json);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Contains($"{service}-db", checks);
        Assert.Contains(checks, c => c.StartsWith("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("catalogue")]
    [InlineData("needs")]
    [InlineData("matching")]
    public async Task Each_service_openapi_document_is_reachable_through_the_gateway(string service)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Platform.GatewayUrl) };
        var document = await anonymous.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json", Json);
        Assert.Contains(document.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith($"/api/{service}/", StringComparison.Ordinal));
    }

    private static Task<JsonElement> SearchAsync(HttpClient client, string query) =>
        client.GetFromJsonAsync<JsonElement>($"/api/catalogue/search?q={Uri.EscapeDataString(query)}", Json);

    private static bool Lists(JsonElement page, Guid productId) =>
        page.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("productId").GetGuid() == productId);

    /// <summary>Search is fed by events, so a new product becomes findable a moment after it is published.</summary>
    private static async Task<JsonElement> FindBySearchAsync(HttpClient client, string query, Guid productId)
    {
        var page = await Eventually.ReadAsync(() => SearchAsync(client, query), p => Lists(p, productId));
        Assert.True(Lists(page, productId), $"product {productId} was not searchable within 15 s");
        return page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("productId").GetGuid() == productId);
    }

    private static async Task WaitUntilGoneFromSearchAsync(HttpClient client, string query, Guid productId)
    {
        var page = await Eventually.ReadAsync(() => SearchAsync(client, query), p => !Lists(p, productId));
        Assert.False(Lists(page, productId), $"withdrawn product {productId} was still found after 15 s");
    }

    private static Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body) =>
        GatewayUser.SendAsync(client, method, path, body);
}
