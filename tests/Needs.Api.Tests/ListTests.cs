using System.Net;
using Matchmaking.Contracts.Identity;
using Matchmaking.Needs.Model;
using Xunit;

namespace Matchmaking.Needs.Tests;

public sealed class ListTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    /// <summary>A word no other test's need contains, so a text filter isolates this test's needs in the shared database.</summary>
    private static string Marker() => "ma" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Suppliers_browse_open_needs_of_every_retailer_but_not_drafts_or_closed_ones()
    {
        var marker = Marker();
        var (_, first, firstStore) = await factory.NewRetailerWithStoreAsync("Siêu thị Một");
        var (_, second, secondStore) = await factory.NewRetailerWithStoreAsync("Siêu thị Hai");
        var open1 = await first.OpenBagsAsync(firstStore.Id, r => r with { Keywords = [marker] });
        var open2 = await second.OpenBagsAsync(secondStore.Id, r => r with { Keywords = [marker] });
        await first.CreateNeedAsync(TestData.Bags(firstStore.Id) with { Keywords = [marker] });
        var closed = await second.OpenBagsAsync(secondStore.Id, r => r with { Keywords = [marker] });
        await second.CloseAsync(closed.Id);
        var supplier = factory.NewClient(OrganisationKinds.Supplier, out _);

        var page = await supplier.OpenNeedsAsync($"?q={marker}");

        Assert.Equal([open2.Id, open1.Id], page.Items.Select(n => n.Id));
        Assert.Equal(2, page.Total);
        Assert.All(page.Items, n => Assert.Equal((NeedStatus.Open, (Guid?)null, (string?)null), (n.Status, n.DeliveryLocationId, n.Delivery.Address)));
        Assert.Equal(("Siêu thị Hai", "Long Biên"), (page.Items[0].RetailerName, page.Items[0].Delivery.District));
    }

    [Fact]
    public async Task Open_needs_filter_by_category_province_and_text_with_or_without_diacritics()
    {
        var marker = Marker();
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var hcm = await client.CreateLocationAsync(TestData.LongBienStore() with
        {
            Name = "Kho Thủ Đức", District = "Thủ Đức", Province = "Hồ Chí Minh", Latitude = 10.85, Longitude = 106.77,
        });
        var bags = await client.OpenBagsAsync(store.Id, r => r with { Keywords = [marker] });
        var vases = await client.OpenBagsAsync(store.Id, r => r with
        {
            Title = "Bình gốm men lam Bát Tràng", Description = "Bình hoa trưng bày", Category = "ceramics", Keywords = [marker],
            RequiredSchemes = ["OCOP"], MinimumOcopStars = 4, Packaging = ["plastic-free"],
        });
        var southern = await client.OpenBagsAsync(hcm.Id, r => r with { Keywords = [marker] });
        var supplier = factory.NewClient(OrganisationKinds.Supplier, out _);

        async Task<IEnumerable<Guid>> IdsAsync(string query) => (await supplier.OpenNeedsAsync($"?q={marker}&{query}")).Items.Select(n => n.Id);

        Assert.Equal([vases.Id], await IdsAsync("category=ceramics"));
        Assert.Equal([southern.Id], await IdsAsync("province=Hồ Chí Minh"));
        Assert.Equal([vases.Id, bags.Id], await IdsAsync("province=ha noi"));
        Assert.Equal([vases.Id], (await supplier.OpenNeedsAsync($"?q={marker}+binh+gom+bat+trang")).Items.Select(n => n.Id));
        Assert.Equal([southern.Id, bags.Id], (await supplier.OpenNeedsAsync($"?q={marker}+TUI+PHAN+HUY")).Items.Select(n => n.Id));
        Assert.Empty(await IdsAsync("category=silk"));
    }

    [Fact]
    public async Task Open_needs_page_newest_first()
    {
        var marker = Marker();
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var opened = new List<Guid>();
        for (var i = 0; i < 5; i++) opened.Add((await client.OpenBagsAsync(store.Id, r => r with { Keywords = [marker] })).Id);
        opened.Reverse();

        var first = await client.OpenNeedsAsync($"?q={marker}&page=1&pageSize=2");
        var third = await client.OpenNeedsAsync($"?q={marker}&page=3&pageSize=2");
        var beyond = await client.OpenNeedsAsync($"?q={marker}&page=4&pageSize=2");

        Assert.Equal((5L, 1, 2), (first.Total, first.Page, first.PageSize));
        Assert.Equal(opened.Take(2), first.Items.Select(n => n.Id));
        Assert.Equal(opened.Skip(4), third.Items.Select(n => n.Id));
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task My_needs_list_every_state_of_my_own_needs_only_and_filter_by_status()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));
        var open = await client.OpenBagsAsync(store.Id);
        var closed = await client.OpenBagsAsync(store.Id);
        await client.CloseAsync(closed.Id);
        var (_, other, otherStore) = await factory.NewRetailerWithStoreAsync("Siêu thị Khác");
        await other.OpenBagsAsync(otherStore.Id);

        var all = await client.MyNeedsAsync();
        var onlyOpen = await client.MyNeedsAsync("?status=open");
        var paged = await client.MyNeedsAsync("?page=2&pageSize=2");

        Assert.Equal([closed.Id, open.Id, draft.Id], all.Items.Select(n => n.Id));
        Assert.Equal(store.Id, all.Items[0].DeliveryLocationId);
        Assert.Equal([open.Id], onlyOpen.Items.Select(n => n.Id));
        Assert.Equal(3, paged.Total);
        Assert.Equal([draft.Id], paged.Items.Select(n => n.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.NewClient(OrganisationKinds.Supplier, out _).GetAsync("/api/needs/mine")).StatusCode);
    }
}
