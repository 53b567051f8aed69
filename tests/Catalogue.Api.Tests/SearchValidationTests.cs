using System.Diagnostics;
using System.Net;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>Bad search requests get a 400 problem naming the field; never a 500, never a slow scan.</summary>
public sealed class SearchValidationTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1000&pageSize=100", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1000000", "pageSize")]
    [InlineData("facets=category,colour", "facets")]
    [InlineData("lat=91&lon=105", "lat")]
    [InlineData("lat=21&lon=-181", "lon")]
    [InlineData("lat=NaN&lon=105", "lat")]
    [InlineData("lat=21", "lon")]
    [InlineData("lon=105", "lat")]
    [InlineData("withinKm=10", "withinKm")]
    [InlineData("lat=21&lon=105&withinKm=-5", "withinKm")]
    [InlineData("sort=distance", "sort")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("category=spaceships", "category")]
    [InlineData("category=ceramics,spaceships", "category")]
    [InlineData("packaging=styrofoam", "packaging")]
    [InlineData("scheme=MADE_UP", "scheme")]
    [InlineData("priceMin=5000&priceMax=1000", "priceMin")]
    [InlineData("priceMin=-1", "priceMin")]
    [InlineData("moqAtMost=-10", "moqAtMost")]
    [InlineData("capacityAtLeast=-10", "capacityAtLeast")]
    [InlineData("ocopStarsAtLeast=6", "ocopStarsAtLeast")]
    [InlineData("verifiedOnly=maybe", "verifiedOnly")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string field)
    {
        var response = await factory.CreateClient().GetAsync($"/api/catalogue/search?{query}");

        await response.AssertValidationProblemAsync(field);
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_refused_quickly_and_not_truncated()
    {
        var client = factory.CreateClient();
        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync($"/api/catalogue/search?q={Uri.EscapeDataString(new string('ố', 10_000))}");

        await response.AssertValidationProblemAsync("q");
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"took {watch.ElapsedMilliseconds} ms");
        await (await client.GetAsync($"/api/catalogue/search?q={new string('a', 201)}")).AssertValidationProblemAsync("q");
        await (await client.GetAsync($"/api/catalogue/search/suggest?q={new string('a', 201)}")).AssertValidationProblemAsync("q");
    }

    [Fact]
    public async Task Suggestions_need_text_and_a_sane_limit()
    {
        var client = factory.CreateClient();

        await (await client.GetAsync("/api/catalogue/search/suggest")).AssertValidationProblemAsync("q");
        await (await client.GetAsync("/api/catalogue/search/suggest?q=bat&limit=1000")).AssertValidationProblemAsync("limit");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalogue/search/suggest?q=%27%3B%20--")).StatusCode);
    }

    [Theory]
    [InlineData("q=%27%3B%20DROP%20TABLE%20search_products%3B%20--")]
    [InlineData("q=name%3A(a%20OR%20b)~2%20AND%20*")]
    [InlineData("q=%E2%80%8B%F0%9F%98%80")]
    [InlineData("q=%20&category=ceramics,&facets=")]
    [InlineData("lat=90&lon=180&withinKm=20000&sort=distance&facets=scheme,ocopStars,priceRange")]
    public async Task Odd_but_valid_requests_are_answered(string query)
    {
        var response = await factory.CreateClient().GetAsync($"/api/catalogue/search?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
