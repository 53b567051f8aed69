using System.Net;
using System.Net.Http.Json;
using System.Text;
using Matchmaking.Contracts.Identity;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Apis;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.ReadModels;
using Matchmaking.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>Bad requests get an RFC 9457 problem naming the field, and afterwards there is still no request and no event.</summary>
public sealed class PartnershipValidationTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private static object Body(PartnershipScenario s, Guid? matchId = null, Guid? needId = null, Guid? supplierId = null, Guid? productId = null,
        long volume = 20_000, string? message = null, object? delivery = null) => new
    {
        matchId, needId, supplierId = supplierId ?? s.Product.SupplierId,
        products = new[] { new { productId = productId ?? s.Product.ProductId, monthlyVolume = volume } },
        message, delivery,
    };

    private async Task AssertRejectedAsync(PartnershipScenario s, object body, string field)
    {
        await (await s.RequestAsync(body)).AssertValidationProblemAsync(field);
        Assert.Empty((await s.BuyerListAsync()).Items);
        Assert.Empty((await (await s.Supplier.GetAsync("/api/matching/partnerships")).ReadAsync<PagedResponse<PartnershipResponse>>(HttpStatusCode.OK)).Items);
    }

    [Theory]
    [InlineData(4_999, "products[0].monthlyVolume")]
    [InlineData(100_001, "products[0].monthlyVolume")]
    [InlineData(0, "products[0].monthlyVolume")]
    public async Task A_monthly_volume_outside_the_minimum_order_and_capacity_is_rejected(long volume, string field)
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        await AssertRejectedAsync(s, Body(s, needId: s.Need.NeedId, volume: volume), field);
    }

    [Fact]
    public async Task A_product_of_another_supplier_or_unknown_or_withdrawn_is_rejected()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var other = TestData.NewMarket().Bag();
        await factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().UpsertProductAsync(other, 1, default));
        await AssertRejectedAsync(s, Body(s, needId: s.Need.NeedId, productId: other.ProductId), "products[0].productId");
        await AssertRejectedAsync(s, Body(s, needId: s.Need.NeedId, productId: Guid.NewGuid()), "products[0].productId");

        await factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().WithdrawProductAsync(s.Product.ProductId, s.Product.SupplierId, 5, default));
        await AssertRejectedAsync(s, Body(s, needId: s.Need.NeedId), "products[0].productId");
    }

    [Fact]
    public async Task Another_retailer_s_need_or_match_is_rejected()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var stranger = await PartnershipScenario.CreateAsync(factory);
        await AssertRejectedAsync(s, Body(s, needId: stranger.Need.NeedId), "needId");
        await AssertRejectedAsync(s, Body(s, matchId: stranger.MatchId), "matchId");
        await AssertRejectedAsync(s, Body(s, matchId: Guid.NewGuid()), "matchId");
    }

    [Fact]
    public async Task A_match_with_another_supplier_or_for_another_need_is_rejected()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var mine = await factory.InScopeAsync(async sp =>
        {
            var need = TestData.NewMarket().Need(s.Need.RetailerId);
            await sp.GetRequiredService<ReadModelWriter>().UpsertNeedAsync(need, 1, default);
            return need;
        });
        await AssertRejectedAsync(s, Body(s, matchId: s.MatchId, supplierId: Guid.NewGuid()), "supplierId");
        await AssertRejectedAsync(s, Body(s, matchId: s.MatchId, needId: mine.NeedId), "needId");
    }

    [Fact]
    public async Task A_closed_need_takes_no_requests()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        await factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().CloseNeedAsync(s.Need.NeedId, s.Need.RetailerId, "closed", 2, default));
        await AssertRejectedAsync(s, Body(s, needId: s.Need.NeedId), "needId");
        await AssertRejectedAsync(s, Body(s, matchId: s.MatchId), "matchId");
    }

    [Fact]
    public async Task Without_a_need_a_delivery_point_is_required_and_checked()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        await AssertRejectedAsync(s, Body(s), "delivery");
        await AssertRejectedAsync(s, Body(s, delivery: new { name = "Kho", district = "Long Biên", province = "Hà Nội", latitude = 95.0, longitude = 105.9 }), "delivery.latitude");
        await AssertRejectedAsync(s, Body(s, delivery: new { name = "Kho", province = "Hà Nội", latitude = 21.0, longitude = 105.9 }), "delivery.district");
    }

    [Fact]
    public async Task Missing_fields_an_over_long_message_and_repeated_products_are_each_named()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        await AssertRejectedAsync(s, new { needId = s.Need.NeedId }, "supplierId");
        await AssertRejectedAsync(s, new { needId = s.Need.NeedId }, "products");
        await AssertRejectedAsync(s, Body(s, needId: s.Need.NeedId, message: new string('x', 2001)), "message");
        await AssertRejectedAsync(s, new
        {
            needId = s.Need.NeedId, supplierId = s.Product.SupplierId,
            products = new[] { new { productId = s.Product.ProductId, monthlyVolume = 20_000 }, new { productId = s.Product.ProductId, monthlyVolume = 6_000 } },
        }, "products");
    }

    [Fact]
    public async Task Malformed_json_is_rejected_naming_the_path()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var response = await s.Retailer.PostAsync("/api/matching/partnerships",
            new StringContent($$"""{ "supplierId": "{{s.Product.SupplierId}}", "products": [{ "productId": "x", "monthlyVolume": 1 }] }""", Encoding.UTF8, "application/json"));
        await response.AssertValidationProblemAsync("$.products[0].productId");
        Assert.Empty((await s.BuyerListAsync()).Items);
    }

    [Fact]
    public async Task A_decline_needs_a_reason_and_a_withdrawal_reason_is_bounded()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();

        await (await s.Supplier.PostAsJsonAsync($"/api/matching/partnerships/{created.Id}/decline", new { reason = " " }, MatchingFactory.Json))
            .AssertValidationProblemAsync("reason");
        await (await s.Supplier.PostAsJsonAsync($"/api/matching/partnerships/{created.Id}/decline", new { reason = new string('x', 1001) }, MatchingFactory.Json))
            .AssertValidationProblemAsync("reason");
        await (await s.Retailer.PostAsJsonAsync($"/api/matching/partnerships/{created.Id}/withdraw", new { reason = new string('x', 1001) }, MatchingFactory.Json))
            .AssertValidationProblemAsync("reason");

        Assert.Equal(PartnershipStatus.Requested, (await s.ReadAsync(created.Id)).Status);
    }
}
