using System.Net;
using System.Text.Json;
using Matchmaking.Contracts.Matching;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.EndToEnd.Tests;

/// <summary>
/// Flow 2 and 3 of the design through the gateway with every service running: a retailer posts a need, sees ranked
/// matches with reasons, requests a partnership; the supplier sees the request and accepts; both feeds show it.
/// </summary>
public sealed class BuyerJourneyTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_retailer_posts_a_need_sees_matches_with_reasons_and_partners_with_a_supplier_who_accepts_and_both_feeds_show_it()
    {
        await using var found = await EventListener<MatchesFound>.StartAsync(Platform.RabbitMqUri);
        await using var accepted = await EventListener<PartnershipAccepted>.StartAsync(Platform.RabbitMqUri);
        var gateway = new Uri(Platform.GatewayUrl);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var supplier = await GatewayUser.RegisterAsync(gateway, "supplier", "Công ty Cổ phần Bao bì Sinh học Ninh Hiệp", "Gia Lâm", "bao-bi.test");
        var site = await supplier.SendAsync(HttpMethod.Post, "/api/catalogue/sites", new
        {
            name = "Xưởng Ninh Hiệp", commune = "Ninh Hiệp", district = "Gia Lâm", province = "Hà Nội", latitude = 21.0780, longitude = 105.9530,
        });
        var label = await supplier.SendAsync(HttpMethod.Post, "/api/catalogue/certificates", new
        {
            schemeCode = "VN_GREEN_LABEL", number = "QĐ 2025/2024", issuer = "Bộ Tài nguyên và Môi trường",
            validFrom = today.AddMonths(-2), validUntil = today.AddMonths(30), evidenceSha256 = new string('b', 64), scope = new { kind = "organisation" },
        });
        var bags = await Steps.PublishAsync(supplier, "Túi phân hủy sinh học đựng hàng siêu thị", 1_150, site, label);
        var dearBags = await Steps.PublishAsync(supplier, "Túi phân hủy sinh học cao cấp in màu", 1_900, site, label); // over the buyer's ceiling

        using var retailer = await GatewayUser.RegisterAsync(gateway, "retailer", "Công ty Cổ phần Siêu thị Xanh Long Biên", "Long Biên", "sieuthi.test");
        await retailer.SendAsync(HttpMethod.Put, "/api/needs/retailers/me", new
        {
            displayName = "Siêu thị Xanh Long Biên", commitments = new[] { "no-single-use-plastic-bags" },
        });
        var store = await retailer.SendAsync(HttpMethod.Post, "/api/needs/retailers/me/locations", new
        {
            name = "Cửa hàng Long Biên", kind = "store", district = "Long Biên", province = "Hà Nội", latitude = 21.0437, longitude = 105.8736,
        });
        var need = await retailer.SendAsync(HttpMethod.Post, "/api/needs", new
        {
            title = "Túi phân hủy sinh học đựng hàng", category = "eco-packaging", keywords = new[] { "túi", "phân hủy sinh học" },
            requiredSchemes = new[] { "VN_GREEN_LABEL" }, quantityPerMonth = 20_000, unit = "chiếc", maxUnitPriceVnd = 1_200,
            deliveryLocationId = store.GetProperty("id").GetGuid(), maxDistanceKm = 50, neededFrom = today.AddMonths(1), validUntil = today.AddMonths(7),
        });
        var needId = need.GetProperty("id").GetGuid();
        await retailer.SendAsync(HttpMethod.Post, $"/api/needs/{needId}/open");

        var announced = await found.WaitForAsync(m => m.NeedId == needId && m.Matches.Any(x => x.ProductId == bags), TimeSpan.FromSeconds(20));
        Assert.Equal(retailer.OrganisationId, announced.Message.RetailerId);

        var matches = await retailer.GetAsync($"/api/matching/needs/{needId}/matches");
        var match = Assert.Single(matches.GetProperty("items").EnumerateArray());
        Assert.Equal(bags, match.GetProperty("product").GetProperty("id").GetGuid());
        Assert.DoesNotContain(matches.GetProperty("items").EnumerateArray(), m => m.GetProperty("product").GetProperty("id").GetGuid() == dearBags);
        Assert.Contains(match.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("VN_GREEN_LABEL"));
        Assert.Equal(6, match.GetProperty("breakdown").GetArrayLength());

        var supplierMatches = await supplier.GetAsync("/api/matching/matches");
        Assert.Contains(supplierMatches.GetProperty("items").EnumerateArray(), m => m.GetProperty("need").GetProperty("id").GetGuid() == needId);

        var request = await retailer.SendAsync(HttpMethod.Post, "/api/matching/partnerships", new
        {
            matchId = match.GetProperty("id").GetGuid(), supplierId = supplier.OrganisationId,
            products = new[] { new { productId = bags, monthlyVolume = 20_000 } }, message = "Mong hợp tác lâu dài từ tháng sau.",
        });
        var partnershipId = request.GetProperty("id").GetGuid();

        var incoming = await supplier.GetAsync("/api/matching/partnerships?side=supplier&status=requested");
        Assert.Contains(incoming.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == partnershipId);
        await supplier.SendAsync(HttpMethod.Post, $"/api/matching/partnerships/{partnershipId}/accept");

        var terms = (await accepted.WaitForAsync(a => a.PartnershipId == partnershipId, TimeSpan.FromSeconds(20))).Message;
        Assert.Equal(supplier.OrganisationId, terms.Supplier.OrganisationId);
        Assert.Equal("Công ty Cổ phần Siêu thị Xanh Long Biên", terms.Buyer.LegalName);
        Assert.Equal(("Số 8, Trung tâm, Long Biên, Hà Nội", "Nguyễn Thu Trang"), (terms.Buyer.Address, terms.Buyer.Representative));
        Assert.Equal(1_150, Assert.Single(terms.Products).UnitPriceVnd);
        Assert.Equal(today.AddMonths(1), terms.SupplyFrom);

        await Steps.FeedShowsAsync(retailer, "partnership-accepted", "partnershipId", partnershipId);
        await Steps.FeedShowsAsync(supplier, "partnership-requested", "partnershipId", partnershipId);
        await Steps.FeedShowsAsync(supplier, "partnership-accepted", "partnershipId", partnershipId);
        var buyerFeed = await retailer.GetAsync("/api/matching/notifications");
        Assert.Contains(buyerFeed.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "matches-found");

        using var stranger = await GatewayUser.RegisterAsync(gateway, "retailer", "Công ty TNHH Bán lẻ Khác", "Cầu Giấy", "khac.test");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/matching/partnerships/{partnershipId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/matching/needs/{needId}/matches")).StatusCode);
    }
}
