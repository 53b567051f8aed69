using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Identity;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Apis;
using Matchmaking.Matching.Model;
using Matchmaking.ServiceDefaults;

namespace Matchmaking.Matching.Tests;

/// <summary>A registered retailer with an open need, a registered supplier with a matching product, and their match.</summary>
public sealed record PartnershipScenario(NeedSnapshot Need, ProductSnapshot Product, Guid MatchId, HttpClient Retailer, HttpClient Supplier,
    Guid RetailerUserId, Guid SupplierUserId)
{
    public static async Task<PartnershipScenario> CreateAsync(MatchingFactory factory, bool registered = true)
    {
        var market = TestData.NewMarket();
        var need = market.Need();
        var product = market.Bag(certificates: [TestData.Certificate(), TestData.Certificate("ISO_14001", verification: "document-checked"),
            TestData.Certificate("FSC", untilDays: -1), TestData.Certificate("OCOP", level: "4-star", status: "suspended")]);
        var run = await factory.SeedAndMatchNeedAsync(need, product);
        if (registered)
            await factory.WithDbAsync(async db =>
            {
                var retailer = Organisation.Open(need.RetailerId, OrganisationKinds.Retailer, DateTimeOffset.UtcNow);
                retailer.ApplyRegistration(OrganisationKinds.Retailer, "Công ty CP Siêu thị Xanh", "0109876543", "Hà Nội", "Long Biên", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
                    "Số 7 Nguyễn Văn Cừ", "Ngọc Lâm", "Đỗ Thu Hà");
                var supplier = Organisation.Open(product.SupplierId, OrganisationKinds.Supplier, DateTimeOffset.UtcNow);
                supplier.ApplyRegistration(OrganisationKinds.Supplier, "Công ty TNHH Bao bì Xanh", "0101234567-001", "Hà Nội", "Gia Lâm", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
                db.Organisations.AddRange(retailer, supplier);
                return await db.SaveChangesAsync();
            });
        var (retailerUser, supplierUser) = (Guid.NewGuid(), Guid.NewGuid());
        return new PartnershipScenario(need, product, run.Added[0].MatchId,
            Client(factory, need.RetailerId, OrganisationKinds.Retailer, retailerUser), Client(factory, product.SupplierId, OrganisationKinds.Supplier, supplierUser),
            retailerUser, supplierUser);
    }

    public static HttpClient Client(MatchingFactory factory, Guid organisationId, string kind, Guid? userId = null)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", factory.Tokens.For(organisationId, kind, userId: userId));
        return client;
    }

    public object FromMatch(long volume = 20_000, string? message = "Chúng tôi muốn hợp tác dài hạn.") => new
    {
        matchId = MatchId,
        supplierId = Product.SupplierId,
        products = new[] { new { productId = Product.ProductId, monthlyVolume = volume } },
        message,
    };

    public Task<HttpResponseMessage> RequestAsync(object? body = null) =>
        Retailer.PostAsJsonAsync("/api/matching/partnerships", body ?? FromMatch(), MatchingFactory.Json);

    public async Task<PartnershipResponse> RequestedAsync(object? body = null) =>
        await (await RequestAsync(body)).ReadAsync<PartnershipResponse>(HttpStatusCode.Created);

    public async Task<PagedResponse<PartnershipResponse>> BuyerListAsync() =>
        await (await Retailer.GetAsync("/api/matching/partnerships")).ReadAsync<PagedResponse<PartnershipResponse>>(HttpStatusCode.OK);

    public async Task<PartnershipResponse> ReadAsync(Guid id) =>
        await (await Retailer.GetAsync($"/api/matching/partnerships/{id}")).ReadAsync<PartnershipResponse>(HttpStatusCode.OK);
}
