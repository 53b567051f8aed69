using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Needs.Apis;
using Matchmaking.Needs.Model;
using Matchmaking.ServiceDefaults;
using Xunit;

namespace Matchmaking.Needs.Tests;

/// <summary>Valid requests to start from, and calls that create what a test needs through the API.</summary>
public static class TestData
{
    public static DateOnly Today => TimeProvider.System.Today();

    public static LocationRequest LongBienStore() =>
        new("Siêu thị Xanh Nguyễn Văn Cừ", LocationKind.Store, "7 Nguyễn Văn Cừ", "Ngọc Lâm", "Long Biên", "Hà Nội", 21.046, 105.888);

    /// <summary>The design's example need: biodegradable shopping bags, 20,000 a month, Vietnam Green Label, at most 1,200 VND each.</summary>
    public static NeedRequest Bags(Guid locationId, MatchWeightsRequest? weights = null) => new(
        "Túi phân huỷ sinh học cho quầy thu ngân", "Túi đựng hàng tự phân huỷ thay túi ni lông, in logo siêu thị.", "eco-packaging",
        ["túi sinh học", "túi phân huỷ"], ["VN_GREEN_LABEL"], ["ISO_14001"], null,
        20_000, "cái", 1_200, locationId, 50, ["biodegradable", "compostable"], 21,
        Today.AddDays(7), Today.AddDays(90), weights);

    public static MatchWeightsRequest PriceFirst() => new(0.1, 0.1, 0.1, 0.1, 0.5, 0.1);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {Truncate(body)}");
        return JsonSerializer.Deserialize<T>(body, NeedsFactory.Json)!;
    }

    public static async Task<LocationResponse> CreateLocationAsync(this HttpClient client, LocationRequest? request = null) =>
        await (await client.PostAsJsonAsync("/api/needs/retailers/me/locations", request ?? LongBienStore(), NeedsFactory.Json))
            .ReadAsync<LocationResponse>(HttpStatusCode.Created);

    public static async Task<NeedResponse> CreateNeedAsync(this HttpClient client, NeedRequest request) =>
        await (await client.PostAsJsonAsync("/api/needs", request, NeedsFactory.Json)).ReadAsync<NeedResponse>(HttpStatusCode.Created);

    public static async Task<NeedResponse> OpenAsync(this HttpClient client, Guid needId) =>
        await (await client.PostAsync($"/api/needs/{needId}/open", null)).ReadAsync<NeedResponse>(HttpStatusCode.OK);

    public static async Task<NeedResponse> CloseAsync(this HttpClient client, Guid needId) =>
        await (await client.PostAsync($"/api/needs/{needId}/close", null)).ReadAsync<NeedResponse>(HttpStatusCode.OK);

    public static async Task<NeedResponse> GetNeedAsync(this HttpClient client, Guid needId) =>
        await (await client.GetAsync($"/api/needs/{needId}")).ReadAsync<NeedResponse>(HttpStatusCode.OK);

    /// <summary>A draft of <see cref="Bags"/> delivered to <paramref name="locationId"/>, opened.</summary>
    public static async Task<NeedResponse> OpenBagsAsync(this HttpClient client, Guid locationId, Func<NeedRequest, NeedRequest>? change = null)
    {
        var draft = await client.CreateNeedAsync((change ?? (r => r))(Bags(locationId)));
        return await client.OpenAsync(draft.Id);
    }

    public static async Task<PagedResponse<NeedResponse>> MyNeedsAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/needs/mine{query}")).ReadAsync<PagedResponse<NeedResponse>>(HttpStatusCode.OK);

    public static async Task<PagedResponse<NeedResponse>> OpenNeedsAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/needs/open{query}")).ReadAsync<PagedResponse<NeedResponse>>(HttpStatusCode.OK);

    public static async Task<List<ShortlistEntryResponse>> ShortlistAsync(this HttpClient client, Guid needId) =>
        await (await client.GetAsync($"/api/needs/{needId}/shortlist")).ReadAsync<List<ShortlistEntryResponse>>(HttpStatusCode.OK);

    /// <summary>A catalogue product snapshot as the catalogue publishes it, for the product read model.</summary>
    public static ProductSnapshot Product(Guid productId, string nameVi = "Túi sinh học tự huỷ 30x40", Guid? supplierId = null,
        string supplierName = "Công ty Bao bì Xanh Hà Nội") => new()
    {
        ProductId = productId, SupplierId = supplierId ?? Guid.NewGuid(), SupplierName = supplierName, SupplierVerified = true,
        NameVi = nameVi, DescriptionVi = "Túi đựng hàng từ tinh bột ngô, phân huỷ trong 6 tháng.", Category = "eco-packaging", Unit = "cái",
        PriceTiers = [new PriceTierSnapshot(5_000, 1_100)], MinimumOrderQuantity = 5_000, MonthlyCapacity = 100_000, LeadTimeDays = 10,
        Packaging = "biodegradable", ImageUrls = [],
        Site = new SiteSnapshot { SiteId = Guid.NewGuid(), Name = "Xưởng Thanh Oai", District = "Thanh Oai", Province = "Hà Nội", Latitude = 20.86, Longitude = 105.77 },
        Certifications = [],
    };

    /// <summary>
    /// Asserts two needs are the same as JSON. Lists make record equality useless here, and PostgreSQL keeps microseconds,
    /// so timestamps are compared to the millisecond.
    /// </summary>
    public static void AssertSameNeed(NeedResponse expected, NeedResponse actual)
    {
        static NeedResponse Normalise(NeedResponse n) => n with
        {
            CreatedAt = Ms(n.CreatedAt), UpdatedAt = Ms(n.UpdatedAt), OpenedAt = n.OpenedAt is { } o ? Ms(o) : null, ClosedAt = n.ClosedAt is { } c ? Ms(c) : null,
        };
        static DateTimeOffset Ms(DateTimeOffset t) => DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds());
        Assert.Equal(JsonSerializer.Serialize(Normalise(expected), NeedsFactory.Json), JsonSerializer.Serialize(Normalise(actual), NeedsFactory.Json));
    }

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

    /// <summary>Asserts a problem response (not a validation one) with <paramref name="status"/>.</summary>
    public static async Task AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {Truncate(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Truncate(string s) => s.Length > 2000 ? s[..2000] + "..." : s;
}
