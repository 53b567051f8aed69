using System.Net;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Search;
using Xunit;
using static Matchmaking.Catalogue.Tests.SearchFixture;

namespace Matchmaking.Catalogue.Tests;

/// <summary>What a buyer finds in the fixture catalogue with the default (PostgreSQL) adapter, through the API.</summary>
public sealed class SearchRelevanceTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private static readonly string[] BatTrangCeramics = ["bt-vase", "bt-tea", "bt-bowl", "gc-plate"];

    private async Task<SearchResponse> SearchAsync(string query) =>
        await (await fixture.Factory.CreateClient().GetAsync($"/api/catalogue/search?{query}")).ReadAsync<SearchResponse>(HttpStatusCode.OK);

    private async Task<List<string>> KeysAsync(string query) => [.. (await SearchAsync(query)).Items.Select(h => KeyOf(h.ProductId))];

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    [Theory]
    [InlineData("gom su bat trang")]
    [InlineData("gốm sứ Bát Tràng")]
    [InlineData("GỐM SỨ BÁT TRÀNG")]
    [InlineData("gom su bat trag")]   // misspelt
    public async Task Bat_Trang_ceramics_come_first_with_or_without_diacritics_or_with_a_typo(string text)
    {
        var keys = await KeysAsync(Q(text));

        Assert.True(keys.Count >= 3, string.Join(", ", keys));
        Assert.All(keys.Take(3), k => Assert.Contains(k, BatTrangCeramics));
        Assert.DoesNotContain("kl-pot", keys.Take(3));
    }

    [Theory]
    [InlineData("túi phân hủy sinh học")]
    [InlineData("tui phan huy sinh hoc")]
    [InlineData("biodegradable bags")]
    public async Task Biodegradable_bags_are_found_first(string text)
    {
        var keys = await KeysAsync(Q(text));

        Assert.Contains(keys[0], new[] { "eco-bag-corn", "eco-bag-cassava" });
        if (text.StartsWith("t", StringComparison.Ordinal)) Assert.Equal(["eco-bag-cassava", "eco-bag-corn"], keys.Take(2).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("rattan basket")]
    [InlineData("mây tre đan")]
    [InlineData("may tre dan")]
    [InlineData("may tre dam")]   // misspelt
    [InlineData("gio may")]
    public async Task The_rattan_basket_comes_first_in_English_Vietnamese_and_misspelt(string text)
    {
        var keys = await KeysAsync(Q(text));

        Assert.Equal("pv-basket", keys.FirstOrDefault());
    }

    [Fact]
    public async Task English_silk_scarf_finds_the_Van_Phuc_scarf_first_and_explains_the_score()
    {
        var result = await SearchAsync(Q("silk scarf"));

        var top = result.Items[0];
        Assert.Equal("vp-scarf", KeyOf(top.ProductId));
        Assert.True(top.Explanation.Text > 0 && top.Explanation.Sustainability > 0, $"{top.Explanation}");
        Assert.InRange(Math.Abs(0.7 * top.Explanation.Text + 0.3 * top.Explanation.Sustainability - top.Score), 0, 0.001);
        Assert.Contains("OCOP 5-star valid (registry-verified)", top.Explanation.Reasons);
        Assert.Contains("verified supplier", top.Explanation.Reasons);
        Assert.Equal(["OCOP"], top.ValidSchemes);
    }

    [Fact]
    public async Task Sql_and_Lucene_syntax_is_plain_text()
    {
        foreach (var text in new[] { "'; DROP TABLE search_products; --", "name:(a OR b)~2 AND *", "gốm & | ! <-> :*", "\"unbalanced" })
            await SearchAsync(Q(text));
        Assert.Equal(Documents.Count, (await SearchAsync("pageSize=1")).Total);
    }

    [Fact]
    public async Task A_scheme_filter_counts_only_valid_certificates()
    {
        var result = await SearchAsync("scheme=VN_GREEN_LABEL&facets=scheme&pageSize=100");

        Assert.Equal(["eco-bag-corn", "eco-box", "gc-plate", "pv-straw"], result.Items.Select(h => KeyOf(h.ProductId)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Items, h => KeyOf(h.ProductId) == "eco-bag-cassava");   // its Green Label expired yesterday
        Assert.Equal(4, result.Facets["scheme"].Single(f => f.Value == "VN_GREEN_LABEL").Count);
        Assert.Equal(Documents.Count(d => d.Certifications.Any(c => c.SchemeCode == "OCOP" && c.CountsOn(TestData.Today))),
            result.Facets["scheme"].Single(f => f.Value == "OCOP").Count);   // a facet ignores its own filter
    }

    [Theory]
    [InlineData("ocopStarsAtLeast=4", new[] { "bt-tea", "bt-vase", "emb-tablecloth", "food-banh-chung", "food-vermicelli", "ht-box", "pv-basket", "vp-fabric", "vp-scarf" })]
    [InlineData("district=Gia%20L%C3%A2m", new[] { "bt-bowl", "bt-tea", "bt-vase", "gc-plate", "gift-paper-flowers", "kl-jar", "kl-pot" })]
    [InlineData("district=gia%20lam&category=ceramics&craftVillage=kim%20lan", new[] { "kl-jar", "kl-pot" })]
    [InlineData("packaging=biodegradable", new[] { "eco-bag-corn" })]
    [InlineData("priceMin=1000&priceMax=2000", new[] { "eco-bag-corn", "eco-box", "eco-paper-bag" })]
    [InlineData("category=eco-packaging&verifiedOnly=true", new[] { "eco-bag-corn", "eco-box" })]
    [InlineData("category=silk,lacquerware&moqAtMost=20", new[] { "ht-box", "ht-tray", "ht-vase", "vp-scarf" })]
    [InlineData("capacityAtLeast=500000", new[] { "eco-bag-corn", "eco-bag-cassava", "eco-box" })]
    [InlineData("q=tui&packaging=compostable&packaging=biodegradable", new[] { "eco-bag-cassava", "eco-bag-corn" })]
    public async Task Filters_give_exactly_the_expected_products(string query, string[] expected)
    {
        var keys = await KeysAsync(query + "&pageSize=100");

        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Facet_counts_cover_each_value_and_ignore_their_own_filter()
    {
        var all = await SearchAsync("facets=category,packaging,district,ocopStars,priceRange,province,craftVillage&pageSize=1");
        var ceramics = await SearchAsync("category=ceramics&facets=category,packaging,priceRange");

        Assert.Equal(Documents.Count, all.Total);
        foreach (var group in Documents.GroupBy(d => d.Category))
            Assert.Equal(group.Count(), all.Facets["category"].Single(f => f.Value == group.Key).Count);
        Assert.Equal(Documents.Count, all.Facets["province"].Single(f => f.Value == "Hà Nội").Count);
        Assert.Equal(3, all.Facets["craftVillage"].Single(f => f.Value == "Bát Tràng").Count);
        Assert.Equal(2, all.Facets["ocopStars"].Single(f => f.Value == "5").Count);
        Assert.Equal(6, all.Facets["priceRange"].Single(f => f.Value == "0-10000").Count);
        Assert.Equal(1, all.Facets["priceRange"].Single(f => f.Value == "1000000-").Count);
        Assert.Equal(6, ceramics.Total);
        Assert.Equal(all.Facets["category"], ceramics.Facets["category"]);   // its own filter ignored
        Assert.Equal(2, ceramics.Facets["packaging"].Single(f => f.Value == "plastic-free").Count);
        Assert.Equal(6, ceramics.Facets["priceRange"].Sum(f => f.Count));
    }

    [Fact]
    public async Task Within_a_distance_of_Long_Bien_excludes_far_villages_and_sorts_by_distance()
    {
        var result = await SearchAsync($"lat={LongBien.Lat}&lon={LongBien.Lon}&withinKm=15&sort=distance&pageSize=100");

        var expected = Documents.Select(d => (d, km: Sustainability.DistanceKm(new GeoPoint(LongBien.Lat, LongBien.Lon), d.Latitude, d.Longitude)))
            .Where(x => x.km <= 15).OrderBy(x => x.km).ThenBy(x => x.d.ProductId.ToString(), StringComparer.Ordinal).Select(x => KeyOf(x.d.ProductId)).ToList();
        Assert.Equal(expected, result.Items.Select(h => KeyOf(h.ProductId)));
        Assert.DoesNotContain(result.Items, h => h.CraftVillage is "Đường Lâm" or "Chàng Sơn" or "Phú Vinh");
        Assert.Equal("eco-paper-bag", KeyOf(result.Items[0].ProductId));
        Assert.All(result.Items, h => Assert.NotNull(h.Explanation.Proximity));
        Assert.True(result.Items.Zip(result.Items.Skip(1)).All(p => p.First.DistanceKm <= p.Second.DistanceKm));
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=gom&")]
    [InlineData("sort=price-asc&")]
    public async Task Pages_are_stable_and_do_not_overlap(string query)
    {
        var whole = await KeysAsync(query + "pageSize=50");
        var page1 = await KeysAsync(query + "pageSize=5&page=1");
        var page2 = await KeysAsync(query + "pageSize=5&page=2");

        Assert.Equal(whole.Take(10), page1.Concat(page2));
        Assert.Equal(page1.Concat(page2).Distinct().Count(), page1.Count + page2.Count);
    }

    [Fact]
    public async Task Suggestions_complete_a_craft_village_without_diacritics()
    {
        var suggestions = await (await fixture.Factory.CreateClient().GetAsync("/api/catalogue/search/suggest?q=bat%20tr&limit=5"))
            .ReadAsync<List<Suggestion>>(HttpStatusCode.OK);

        Assert.Equal(new Suggestion("Bát Tràng", "craftVillage"), suggestions[0]);
        Assert.Contains(suggestions, s => s.Kind == "product" && s.Text.Contains("Bát Tràng", StringComparison.Ordinal));
    }
}
