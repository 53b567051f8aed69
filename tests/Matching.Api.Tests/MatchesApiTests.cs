using System.Net;
using Matchmaking.Contracts.Identity;
using Matchmaking.Matching.Apis;
using Matchmaking.ServiceDefaults;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>Reading matches: the need's retailer and the matched supplier see them, anyone else learns nothing.</summary>
public sealed class MatchesApiTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    [Fact]
    public async Task The_retailer_reads_its_need_s_matches_ranked_with_breakdown_reasons_misses_and_product_summary()
    {
        var market = TestData.NewMarket();
        var need = market.Need() with { PreferredSchemes = ["FSC"] };
        var (best, second) = (market.Bag(), market.Bag(name: "Túi giấy kraft") with { Packaging = "recycled", LeadTimeDays = 21 });
        await factory.SeedAndMatchNeedAsync(need, second, best);
        var retailer = factory.CreateClientFor(need.RetailerId, OrganisationKinds.Retailer);

        var page = await (await retailer.GetAsync($"/api/matching/needs/{need.NeedId}/matches")).ReadAsync<PagedResponse<MatchResponse>>(HttpStatusCode.OK);

        Assert.Equal(2, page.Total);
        Assert.Equal([best.ProductId, second.ProductId], page.Items.Select(m => m.Product.Id));
        var top = page.Items[0];
        Assert.Equal(["textRelevance", "certificationStrength", "sustainability", "distance", "price", "leadTime"], top.Breakdown.Select(b => b.Criterion));
        Assert.Equal(top.Score, top.Breakdown.Sum(b => b.Contribution), 3);
        Assert.Contains(top.Reasons, r => r.StartsWith("VN_GREEN_LABEL (bắt buộc): hiệu lực đến ", StringComparison.Ordinal));
        Assert.Contains("không có chứng nhận ưu tiên FSC", top.Misses);
        Assert.Contains("thời gian giao 21 ngày > 14", page.Items[1].Misses);
        Assert.Equal(("Túi sinh học tự hủy từ bột ngô", "Công ty Bao bì Xanh Gia Lâm", 1_100L), (top.Product.NameVi, top.Product.SupplierName, top.Product.UnitPriceVnd));
        Assert.InRange(top.Product.DistanceKm, 4, 8);
        Assert.Equal((need.Title, "Long Biên", "open"), (top.Need.Title, top.Need.DeliveryDistrict, top.Status));

        var paged = await (await retailer.GetAsync($"/api/matching/needs/{need.NeedId}/matches?page=2&pageSize=1")).ReadAsync<PagedResponse<MatchResponse>>(HttpStatusCode.OK);
        Assert.Equal((2L, second.ProductId), (paged.Total, Assert.Single(paged.Items).Product.Id));
    }

    [Fact]
    public async Task A_need_s_matches_are_hidden_from_other_organisations_and_read_only_open_to_the_programme_office()
    {
        var market = TestData.NewMarket();
        var need = market.Need();
        var product = market.Bag();
        await factory.SeedAndMatchNeedAsync(need, product);
        var url = $"/api/matching/needs/{need.NeedId}/matches";

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);
        await (await factory.NewClient(OrganisationKinds.Retailer, out _).GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.CreateClientFor(product.SupplierId, OrganisationKinds.Supplier).GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.NewClient(OrganisationKinds.Retailer, out _).GetAsync($"/api/matching/needs/{Guid.NewGuid()}/matches"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var office = await (await factory.NewClient(OrganisationKinds.ProgrammeOffice, out _).GetAsync(url)).ReadAsync<PagedResponse<MatchResponse>>(HttpStatusCode.OK);
        Assert.Single(office.Items);
    }

    [Fact]
    public async Task Bad_paging_is_rejected_naming_the_field()
    {
        var market = TestData.NewMarket();
        var need = market.Need();
        await factory.SeedAndMatchNeedAsync(need, market.Bag());
        var retailer = factory.CreateClientFor(need.RetailerId, OrganisationKinds.Retailer);

        await (await retailer.GetAsync($"/api/matching/needs/{need.NeedId}/matches?page=0")).AssertValidationProblemAsync("page");
        await (await retailer.GetAsync("/api/matching/matches?pageSize=101")).AssertValidationProblemAsync("pageSize");
        await (await retailer.GetAsync("/api/matching/matches?page=abc")).AssertValidationProblemAsync("page");
    }

    [Fact]
    public async Task A_supplier_sees_the_open_needs_its_products_match_and_another_supplier_sees_none_of_them()
    {
        var market = TestData.NewMarket();
        var supplierId = Guid.NewGuid();
        var (need, other) = (market.Need(), market.Need(title: "Túi đựng rau"));
        var product = market.Bag(supplierId);
        await factory.SeedAndMatchNeedAsync(need, product);
        await factory.SeedAndMatchNeedAsync(other);
        var supplier = factory.CreateClientFor(supplierId, OrganisationKinds.Supplier);

        var page = await (await supplier.GetAsync("/api/matching/matches")).ReadAsync<PagedResponse<MatchResponse>>(HttpStatusCode.OK);

        Assert.Equal(2, page.Total);
        var summary = page.Items.Single(m => m.Need.Id == need.NeedId).Need;
        Assert.Equal((need.Title, need.RetailerName, market.Category, 20_000L, "Túi"), (summary.Title, summary.RetailerName, summary.Category, summary.QuantityPerMonth, summary.Unit));
        Assert.Equal(("Long Biên", "Hà Nội", need.NeededFrom, need.ValidUntil), (summary.DeliveryDistrict, summary.DeliveryProvince, summary.NeededFrom, summary.ValidUntil));
        Assert.All(page.Items, m => Assert.NotEmpty(m.Reasons));

        var stranger = await (await factory.NewClient(OrganisationKinds.Supplier, out _).GetAsync("/api/matching/matches")).ReadAsync<PagedResponse<MatchResponse>>(HttpStatusCode.OK);
        Assert.Empty(stranger.Items);
    }

    [Fact]
    public async Task A_retailer_lists_its_matches_across_needs()
    {
        var market = TestData.NewMarket();
        var retailerId = Guid.NewGuid();
        var (first, second) = (market.Need(retailerId), market.Need(retailerId, "Túi đựng rau"));
        await factory.SeedAndMatchNeedAsync(first, market.Bag());
        await factory.SeedAndMatchNeedAsync(second, market.Bag());

        var page = await (await factory.CreateClientFor(retailerId, OrganisationKinds.Retailer).GetAsync("/api/matching/matches"))
            .ReadAsync<PagedResponse<MatchResponse>>(HttpStatusCode.OK);

        Assert.Equal(new[] { first.NeedId, second.NeedId }.Order(), page.Items.Select(m => m.Need.Id).Distinct().Order());
        Assert.All(page.Items, m => Assert.Equal(retailerId, m.Need.RetailerId));
    }

    [Fact]
    public async Task A_match_is_seen_by_either_party_and_nobody_else()
    {
        var market = TestData.NewMarket();
        var need = market.Need();
        var product = market.Bag();
        var run = await factory.SeedAndMatchNeedAsync(need, product);
        var url = $"/api/matching/matches/{run.Added[0].MatchId}";

        var byRetailer = await (await factory.CreateClientFor(need.RetailerId, OrganisationKinds.Retailer).GetAsync(url)).ReadAsync<MatchResponse>(HttpStatusCode.OK);
        var bySupplier = await (await factory.CreateClientFor(product.SupplierId, OrganisationKinds.Supplier).GetAsync(url)).ReadAsync<MatchResponse>(HttpStatusCode.OK);
        Assert.Equal((product.ProductId, byRetailer.Score), (bySupplier.Product.Id, bySupplier.Score));
        await (await factory.NewClient(OrganisationKinds.Supplier, out _).GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.NewClient(OrganisationKinds.Retailer, out _).GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);
    }
}
