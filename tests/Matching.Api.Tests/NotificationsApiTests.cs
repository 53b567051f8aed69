using System.Net;
using Matchmaking.Contracts.Identity;
using Matchmaking.Matching.Apis;
using Matchmaking.Matching.Model;
using Matchmaking.ServiceDefaults;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>The feed: newest first, unread filter, read one, read all; another organisation's entries are missing.</summary>
public sealed class NotificationsApiTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private static async Task<PagedResponse<NotificationResponse>> FeedAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/matching/notifications{query}")).ReadAsync<PagedResponse<NotificationResponse>>(HttpStatusCode.OK);

    [Fact]
    public async Task New_matches_land_in_both_feeds_newest_first_and_can_be_marked_read()
    {
        var market = TestData.NewMarket();
        var retailerId = Guid.NewGuid();
        var supplierId = Guid.NewGuid();
        var (first, second) = (market.Need(retailerId, "Túi đựng rau"), market.Need(retailerId));
        await factory.SeedAndMatchNeedAsync(first, market.Bag(supplierId), market.Bag(supplierId));
        // The second need trades in another market, so the first supplier's products do not match it too.
        var elsewhere = TestData.NewMarket();
        second = second with { Category = elsewhere.Category };
        await factory.SeedAndMatchNeedAsync(second, elsewhere.Bag());
        var retailer = factory.CreateClientFor(retailerId, OrganisationKinds.Retailer);

        var feed = await FeedAsync(retailer);
        Assert.Equal([second.NeedId, first.NeedId], feed.Items.Select(n => n.NeedId!.Value));
        Assert.Equal($"2 sản phẩm mới phù hợp với nhu cầu “{first.Title}”", feed.Items[1].Title);
        Assert.Matches(@"^“Túi sinh học tự hủy từ bột ngô” của Công ty Bao bì Xanh Gia Lâm, điểm \d,\d\d; “", feed.Items[1].Body);
        Assert.All(feed.Items, n => Assert.Equal((NotificationKinds.MatchesFound, (DateTimeOffset?)null), (n.Kind, n.ReadAt)));
        var supplierFeed = await FeedAsync(factory.CreateClientFor(supplierId, OrganisationKinds.Supplier));
        Assert.Equal($"2 sản phẩm của bạn phù hợp với nhu cầu đang mở “{first.Title}” của {first.RetailerName}", Assert.Single(supplierFeed.Items).Title);

        var read = await (await retailer.PostAsync($"/api/matching/notifications/{feed.Items[0].Id}/read", null)).ReadAsync<NotificationResponse>(HttpStatusCode.OK);
        Assert.NotNull(read.ReadAt);
        Assert.Equal([first.NeedId], (await FeedAsync(retailer, "?unreadOnly=true")).Items.Select(n => n.NeedId!.Value));

        var all = await (await retailer.PostAsync("/api/matching/notifications/read-all", null)).ReadAsync<ReadAllResponse>(HttpStatusCode.OK);
        Assert.Equal(1, all.Marked);
        Assert.Empty((await FeedAsync(retailer, "?unreadOnly=true")).Items);
        Assert.Single((await FeedAsync(factory.CreateClientFor(supplierId, OrganisationKinds.Supplier), "?unreadOnly=true")).Items);
    }

    [Fact]
    public async Task Another_organisation_cannot_read_or_mark_a_feed_entry()
    {
        var market = TestData.NewMarket();
        var need = market.Need();
        await factory.SeedAndMatchNeedAsync(need, market.Bag());
        var owner = factory.CreateClientFor(need.RetailerId, OrganisationKinds.Retailer);
        var entry = Assert.Single((await FeedAsync(owner)).Items);
        var stranger = factory.NewClient(OrganisationKinds.Retailer, out _);

        await (await stranger.PostAsync($"/api/matching/notifications/{entry.Id}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await stranger.PostAsync("/api/matching/notifications/read-all", null)).ReadAsync<ReadAllResponse>(HttpStatusCode.OK)).Marked);
        Assert.Empty((await FeedAsync(stranger)).Items);
        Assert.Null(Assert.Single((await FeedAsync(owner)).Items).ReadAt);

        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/matching/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/matching/notifications/{entry.Id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/matching/notifications/read-all", null)).StatusCode);
    }

    [Fact]
    public async Task Bad_feed_paging_is_rejected_naming_the_field()
    {
        var client = factory.NewClient(OrganisationKinds.Supplier, out _);
        await (await client.GetAsync("/api/matching/notifications?pageSize=0")).AssertValidationProblemAsync("pageSize");
        await (await client.GetAsync("/api/matching/notifications?unreadOnly=perhaps")).AssertValidationProblemAsync("unreadOnly");
    }
}
