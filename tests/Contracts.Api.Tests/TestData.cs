using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Matchmaking.Contracts.Matching;
using Matchmaking.Contracts.Needs;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>
/// An accepted partnership as matching publishes it: a Long Biên supermarket buying biodegradable bags and bamboo baskets
/// from a Gia Lâm supplier. Each call makes fresh ids and tax codes, so tests never meet each other's data.
/// </summary>
public static class TestData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public static string NewTaxCode() => $"01{RandomNumberGenerator.GetInt32(10_000_000, 99_999_999)}";

    public static PartnershipAccepted Accepted(Guid? buyerId = null, Guid? supplierId = null) => new()
    {
        PartnershipId = Guid.NewGuid(),
        Buyer = new PartySnapshot
        {
            OrganisationId = buyerId ?? Guid.NewGuid(), LegalName = "Công ty CP Siêu thị Xanh", TaxCode = NewTaxCode(), Province = "Hà Nội",
            District = "Long Biên", Address = "Số 7 Nguyễn Văn Cừ, Ngọc Lâm, Long Biên, Hà Nội", Representative = "Đỗ Thu Hà",
        },
        Supplier = new PartySnapshot
        {
            OrganisationId = supplierId ?? Guid.NewGuid(), LegalName = "Công ty TNHH Bao bì Xanh Gia Lâm", TaxCode = NewTaxCode(), Province = "Hà Nội",
            District = "Gia Lâm", Address = "Thôn Kim Sơn, Gia Lâm, Hà Nội", Representative = "Nguyễn Văn Hùng",
        },
        NeedId = Guid.NewGuid(),
        NeedTitle = "Túi tự hủy đựng hàng cho siêu thị",
        Products =
        [
            new PartnershipProduct
            {
                ProductId = Guid.NewGuid(), NameVi = "Túi sinh học tự hủy từ bột ngô", NameEn = "Biodegradable corn-starch shopping bag",
                Category = "eco-packaging", Unit = "túi", UnitPriceVnd = 1_100, MonthlyVolume = 20_000, MinimumOrderQuantity = 5_000, LeadTimeDays = 7,
                Packaging = "plastic-free", TraceabilityCode = "VN-GL-0001",
                Certifications = [new CitedCertification(Guid.NewGuid(), "VN_GREEN_LABEL", "NL-2025-117", "Bộ Tài nguyên và Môi trường", null, Today.AddDays(300))],
            },
            new PartnershipProduct
            {
                ProductId = Guid.NewGuid(), NameVi = "Giỏ tre đựng rau củ", NameEn = null, Category = "bamboo-rattan", Unit = "chiếc", UnitPriceVnd = 45_000,
                MonthlyVolume = 500, MinimumOrderQuantity = 100, LeadTimeDays = 21, Packaging = "reusable", TraceabilityCode = null,
                Certifications = [new CitedCertification(Guid.NewGuid(), "OCOP", "OCOP-HN-2024-88", "UBND TP Hà Nội", "4 sao", null)],
            },
        ],
        Delivery = new DeliveryLocationSnapshot
        {
            Name = "Kho Long Biên", Address = "Số 1 Nguyễn Văn Cừ", Commune = "Ngọc Lâm", District = "Long Biên", Province = "Hà Nội",
            Latitude = 21.0367, Longitude = 105.8897,
        },
        SupplyFrom = Today.AddDays(7),
        SupplyUntil = Today.AddDays(7).AddMonths(6),
        BuyerCommitments = ["Không dùng túi ni lông khó phân hủy tại quầy thu ngân"],
        BuyerMessage = "Chúng tôi muốn hợp tác dài hạn.",
        AcceptedByUserId = Guid.NewGuid(),
        AcceptedAt = DateTimeOffset.UtcNow,
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, ContractsFactory.Json)!;
    }

    public static async Task AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string? detailContains = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (detailContains is not null) Assert.Contains(detailContains, body);
    }

    /// <summary>Asserts an RFC 9457 validation problem naming <paramref name="field"/>, optionally with a message containing <paramref name="contains"/>.</summary>
    public static async Task AssertValidationProblemAsync(this HttpResponseMessage response, string field, string? contains = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        Assert.True(doc.RootElement.TryGetProperty("errors", out var errors), $"No errors in {body}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"Expected an error for '{field}', got: {body}");
        if (contains is not null)
            Assert.True(messages.EnumerateArray().Any(m => m.GetString()!.Contains(contains, StringComparison.OrdinalIgnoreCase)),
                $"Expected '{field}' to say '{contains}', got: {body}");
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
