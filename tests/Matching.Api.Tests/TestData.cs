using System.Net;
using System.Text.Json;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Model;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>
/// Snapshots as the catalogue and needs service send them: biodegradable shopping bags from Gia Lâm, and a supermarket in
/// Long Biên that needs 20,000 a month with the Vietnam Green Label at 1,200 VND at most. Each call makes fresh ids.
/// </summary>
public static class TestData
{
    public static DateOnly Today => TimeProvider.System.Today();

    public static readonly (double Lat, double Lon) LongBien = (21.0367, 105.8897);
    public static readonly (double Lat, double Lon) GiaLam = (21.0122, 105.9431);
    public static readonly (double Lat, double Lon) BatTrang = (20.9750, 105.9130);
    public static readonly (double Lat, double Lon) SonTay = (21.1382, 105.5060);
    public static readonly (double Lat, double Lon) HaiPhong = (20.8449, 106.6881);

    public static CertificationSnapshot Certificate(string scheme = "VN_GREEN_LABEL", int fromDays = -100, int? untilDays = 300,
        string status = "active", string verification = "registry-verified", bool? covers = true, string? level = null) => new()
    {
        CertificateId = Guid.NewGuid(),
        SchemeCode = scheme,
        Number = $"{scheme}-{Random.Shared.Next(1000, 9999)}",
        Issuer = "Bộ Tài nguyên và Môi trường",
        Level = level,
        ValidFrom = Today.AddDays(fromDays),
        ValidUntil = untilDays is { } u ? Today.AddDays(u) : null,
        Status = status,
        VerificationState = verification,
        ValidAtSnapshot = status == "active",
        CoversProduct = covers,
    };

    public static ProductSnapshot Bag(Guid? supplierId = null, string name = "Túi sinh học tự hủy từ bột ngô", (double Lat, double Lon)? site = null,
        params CertificationSnapshot[] certificates) => new()
    {
        ProductId = Guid.NewGuid(),
        SupplierId = supplierId ?? Guid.NewGuid(),
        SupplierName = "Công ty Bao bì Xanh Gia Lâm",
        SupplierVerified = true,
        NameVi = name,
        NameEn = "Biodegradable corn-starch shopping bag",
        DescriptionVi = "Túi đựng hàng tự hủy sinh học làm từ bột ngô, phân hủy hoàn toàn trong 6 tháng.",
        Category = "eco-packaging",
        Unit = "túi",
        PriceTiers = [new(5_000, 1_300), new(10_000, 1_100), new(50_000, 950)],
        MinimumOrderQuantity = 5_000,
        MonthlyCapacity = 100_000,
        LeadTimeDays = 7,
        Packaging = "plastic-free",
        ImageUrls = [],
        Site = new SiteSnapshot
        {
            SiteId = Guid.NewGuid(), Name = "Xưởng Gia Lâm", CraftVillage = null, District = "Gia Lâm", Province = "Hà Nội",
            Latitude = (site ?? GiaLam).Lat, Longitude = (site ?? GiaLam).Lon,
        },
        Certifications = certificates.Length == 0 ? [Certificate()] : certificates,
    };

    public static NeedSnapshot BagNeed(Guid? retailerId = null, string title = "Túi tự hủy đựng hàng cho siêu thị") => new()
    {
        NeedId = Guid.NewGuid(),
        RetailerId = retailerId ?? Guid.NewGuid(),
        RetailerName = "Siêu thị Xanh Long Biên",
        RetailerVerified = true,
        Title = title,
        Description = "Thay túi ni lông bằng túi tự hủy tại quầy thu ngân.",
        Category = "eco-packaging",
        Keywords = ["túi tự hủy", "bột ngô"],
        RequiredSchemes = ["VN_GREEN_LABEL"],
        PreferredSchemes = [],
        QuantityPerMonth = 20_000,
        Unit = "Túi",
        MaxUnitPriceVnd = 1_200,
        Delivery = new DeliveryLocationSnapshot
        {
            Name = "Kho Long Biên", Address = "Số 1 Nguyễn Văn Cừ", District = "Long Biên", Province = "Hà Nội",
            Latitude = LongBien.Lat, Longitude = LongBien.Lon,
        },
        MaxDistanceKm = 50,
        Packaging = [],
        MaxLeadTimeDays = 14,
        NeededFrom = Today.AddDays(7),
        ValidUntil = Today.AddDays(90),
        Weights = new MatchWeightsSnapshot { TextRelevance = 0.3, CertificationStrength = 0.2, Sustainability = 0.2, Distance = 0.1, Price = 0.1, LeadTime = 0.1 },
        RetailerCommitments = ["Không dùng túi ni lông khó phân hủy tại quầy thu ngân từ 2026"],
        Status = "open",
    };

    /// <summary>A category of a test's own (see <see cref="Market"/>).</summary>
    public static Market NewMarket() => new($"eco-packaging-{Guid.NewGuid():N}"[..22]);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, MatchingFactory.Json)!;
    }

    /// <summary>Asserts an RFC 9457 validation problem that names <paramref name="field"/> among its errors.</summary>
    public static async Task AssertValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.True(doc.RootElement.TryGetProperty("errors", out var errors), $"No errors in {body}");
        var fields = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(fields.Contains(field), $"Expected an error for '{field}', got: {string.Join(", ", fields)}");
    }

    public static async Task AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>
/// A category of the test's own: tests in a class share a database, and every product in a category is a candidate for
/// every need in it, so each test trades in its own market and never meets another test's products or needs.
/// </summary>
public sealed record Market(string Category)
{
    public ProductSnapshot Bag(Guid? supplierId = null, string name = "Túi sinh học tự hủy từ bột ngô", (double Lat, double Lon)? site = null,
        params CertificationSnapshot[] certificates) => TestData.Bag(supplierId, name, site, certificates) with { Category = Category };

    public NeedSnapshot Need(Guid? retailerId = null, string title = "Túi tự hủy đựng hàng cho siêu thị") =>
        TestData.BagNeed(retailerId, title) with { Category = Category };
}
