using Matchmaking.Catalogue.Search;
using static Matchmaking.Catalogue.Search.ContractTests.FixtureProducts;

namespace Matchmaking.Catalogue.Search.ContractTests;

/// <summary>Filters, facets, distance, paging and explanations, all over the shared fixture index.</summary>
public abstract partial class ProductSearchIndexContract
{
    private static readonly GeoPoint HoanKiem = new(21.029, 105.852);

    [SkippableFact]
    public async Task A_scheme_counts_only_while_its_certificate_is_active_in_scope_and_valid_on_the_query_day()
    {
        var index = await SharedAsync();

        var ocop = await index.SearchAsync(Query() with { Schemes = ["OCOP"] }, Ct);
        var greenLabel = await index.SearchAsync(Query() with { Schemes = ["VN_GREEN_LABEL"] }, Ct);
        var greenLabelLater = await index.SearchAsync(Query() with { Schemes = ["VN_GREEN_LABEL"], Today = new DateOnly(2027, 4, 1) }, Ct);
        var both = await index.SearchAsync(Query() with { Schemes = ["OCOP", "VIETGAP"] }, Ct);

        // Kim Lan's OCOP expired; the tray's label is suspended, the kraft bags are out of its scope, the scarf's not yet valid.
        Assert.Equal([BatTrangVase, VanPhucScarf, TranhKhucRiceCakes, TamHiepRiceWine], Sorted(ocop));
        Assert.Equal([PhuVinhBasket, BiodegradableBags], Sorted(greenLabel));
        // Months later the basket's label has expired and the scarf's has started.
        Assert.Equal([VanPhucScarf, BiodegradableBags], Sorted(greenLabelLater));
        Assert.Equal([TranhKhucRiceCakes], Sorted(both));
    }

    [SkippableFact]
    public async Task Scheme_facet_counts_agree_with_the_scheme_filter()
    {
        var index = await SharedAsync();

        var result = await index.SearchAsync(Query() with { Facets = [SearchFacets.Scheme] }, Ct);

        var expected = new Dictionary<string, long> { ["OCOP"] = 4, ["VN_GREEN_LABEL"] = 2, ["ISO_14001"] = 1, ["FSC"] = 1, ["VIETGAP"] = 1 };
        Assert.Equal(expected, Counts(result, SearchFacets.Scheme));
        foreach (var (scheme, count) in expected)
            Assert.Equal(count, (await index.SearchAsync(Query() with { Schemes = [scheme] }, Ct)).Total);
    }

    [SkippableFact]
    public async Task Ocop_stars_at_least_n_counts_valid_certificates_only()
    {
        var index = await SharedAsync();

        var four = await index.SearchAsync(Query() with { OcopStarsAtLeast = 4 }, Ct);
        var three = await index.SearchAsync(Query() with { OcopStarsAtLeast = 3 }, Ct);

        Assert.Equal([BatTrangVase, VanPhucScarf], Sorted(four));
        Assert.Equal([BatTrangVase, VanPhucScarf, TranhKhucRiceCakes, TamHiepRiceWine], Sorted(three));
    }

    [SkippableFact]
    public async Task Category_and_packaging_filters_select_any_of_the_listed_values()
    {
        var index = await SharedAsync();

        var categories = await index.SearchAsync(Query() with { Categories = ["bamboo-rattan", "silk"] }, Ct);
        var packaging = await index.SearchAsync(Query() with { Packaging = ["biodegradable"] }, Ct);

        Assert.Equal([PhuVinhBasket, PhuVinhTray, VanPhucScarf], Sorted(categories));
        Assert.Equal([BiodegradableBags, TranhKhucRiceCakes], Sorted(packaging));
    }

    [SkippableFact]
    public async Task Province_district_and_craft_village_filters_match_with_or_without_diacritics()
    {
        var index = await SharedAsync();

        var district = await index.SearchAsync(Query() with { District = "Thường Tín" }, Ct);
        var village = await index.SearchAsync(Query() with { CraftVillage = "Bat Trang" }, Ct);
        var province = await index.SearchAsync(Query() with { Province = "Hà Nội", CraftVillage = "Phú Vinh" }, Ct);

        Assert.Equal([HaThaiLacquerBox, QuatDongEmbroidery], Sorted(district));
        Assert.Equal([BatTrangVase], Sorted(village));
        Assert.Equal([PhuVinhBasket, PhuVinhTray], Sorted(province));
    }

    [SkippableFact]
    public async Task Price_range_moq_capacity_and_verified_filters_hold()
    {
        var index = await SharedAsync();

        var price = await index.SearchAsync(Query() with { PriceMinVnd = 50_000, PriceMaxVnd = 200_000 }, Ct);
        var moq = await index.SearchAsync(Query() with { MoqAtMost = 20 }, Ct);
        var capacity = await index.SearchAsync(Query() with { CapacityAtLeast = 20_000 }, Ct);
        var verified = await index.SearchAsync(Query() with { VerifiedSuppliersOnly = true }, Ct);

        Assert.Equal([BatTrangVase, PhuVinhTray, HaThaiLacquerBox, TranhKhucRiceCakes, TamHiepRiceWine], Sorted(price));
        Assert.Equal([VanPhucScarf, QuatDongEmbroidery, SonDongStatue], Sorted(moq));
        Assert.Equal([BiodegradableBags, KraftPaperBags, TranhKhucRiceCakes], Sorted(capacity));
        Assert.Equal(Where(d => d.SupplierVerified).Order(), Sorted(verified));
    }

    [SkippableFact]
    public async Task Within_km_keeps_the_near_products_and_sorts_them_by_distance()
    {
        var index = await SharedAsync();

        var result = await index.SearchAsync(Query() with { Near = HoanKiem, WithinKm = 12, Sort = SearchSort.Distance }, Ct);

        Assert.Equal([BatTrangVase, TamHiepRiceWine, VanPhucScarf, KimLanTeaSet, TranhKhucRiceCakes], result.Hits.Select(h => h.ProductId));
        foreach (var hit in result.Hits)
        {
            var expected = Sustainability.DistanceKm(HoanKiem, Get(hit.ProductId).Latitude, Get(hit.ProductId).Longitude);
            Assert.Equal(expected, hit.DistanceKm!.Value, tolerance: 0.01);
            Assert.NotNull(hit.Explanation.Proximity);
        }
    }

    [SkippableTheory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.PriceAscending)]
    public async Task Pages_are_stable_and_never_repeat_a_product(SearchSort sort)
    {
        var index = await SharedAsync();
        var query = Query() with { Sort = sort, PageSize = 4 };

        var pages = new List<Guid>();
        for (var page = 1; page <= 3; page++)
            pages.AddRange((await index.SearchAsync(query with { Page = page }, Ct)).Hits.Select(h => h.ProductId));
        var whole = await index.SearchAsync(query with { PageSize = 12 }, Ct);

        Assert.Equal(whole.Hits.Select(h => h.ProductId), pages);
        Assert.Equal(All.Count, pages.Distinct().Count());
    }

    [SkippableFact]
    public async Task Facets_count_the_matching_products()
    {
        var index = await SharedAsync();

        var result = await index.SearchAsync(Query() with { Facets = SearchFacets.All }, Ct);

        Assert.Equal(All.Count, result.Total);
        Assert.Equal(All.GroupBy(d => d.Category).ToDictionary(g => g.Key, g => (long)g.Count()), Counts(result, SearchFacets.Category));
        Assert.Equal(All.GroupBy(d => d.Packaging).ToDictionary(g => g.Key, g => (long)g.Count()), Counts(result, SearchFacets.Packaging));
        Assert.Equal(All.GroupBy(d => d.District).ToDictionary(g => g.Key, g => (long)g.Count()), Counts(result, SearchFacets.District));
        Assert.Equal(new Dictionary<string, long> { ["Hà Nội"] = 12 }, Counts(result, SearchFacets.Province));
        Assert.Equal(All.Where(d => d.CraftVillage is not null).GroupBy(d => d.CraftVillage!).ToDictionary(g => g.Key, g => (long)g.Count()),
            Counts(result, SearchFacets.CraftVillage));
        Assert.Equal(new Dictionary<string, long> { ["5"] = 1, ["4"] = 1, ["3"] = 2 }, Counts(result, SearchFacets.OcopStars));
        Assert.Equal(new Dictionary<string, long>
        {
            ["0-10000"] = 2, ["10000-50000"] = 1, ["50000-200000"] = 5, ["200000-1000000"] = 3, ["1000000-"] = 1,
        }, Counts(result, SearchFacets.PriceRange));
    }

    [SkippableFact]
    public async Task A_facet_counts_over_every_filter_but_its_own()
    {
        var index = await SharedAsync();

        var result = await index.SearchAsync(Query() with
        {
            Categories = ["eco-packaging"], VerifiedSuppliersOnly = true, Facets = [SearchFacets.Category, SearchFacets.Packaging],
        }, Ct);

        Assert.Equal([BiodegradableBags], Sorted(result));
        // Category counts ignore the category filter (what choosing another category would give) but keep the others.
        Assert.Equal(All.Where(d => d.SupplierVerified).GroupBy(d => d.Category).ToDictionary(g => g.Key, g => (long)g.Count()),
            Counts(result, SearchFacets.Category));
        Assert.Equal(new Dictionary<string, long> { ["biodegradable"] = 1 }, Counts(result, SearchFacets.Packaging));
    }

    [SkippableFact]
    public async Task Hits_are_ranked_and_explained_by_the_shared_sustainability_score()
    {
        var index = await SharedAsync();

        var result = await index.SearchAsync(Query(), Ct);

        Assert.Equal(result.Hits.OrderByDescending(h => h.Score).Select(h => h.ProductId), result.Hits.Select(h => h.ProductId));
        foreach (var hit in result.Hits)
        {
            var document = Get(hit.ProductId);
            Assert.Equal(Sustainability.Score(document, Today), hit.Explanation.Sustainability, tolerance: 1e-3);
            Assert.Equal(document.Certifications.Where(c => c.CountsOn(Today)).Select(c => c.SchemeCode).Distinct().Order(), hit.ValidSchemes.Order());
            Assert.Equal(Sustainability.Reasons(document, Today), hit.Explanation.Reasons);
        }
        // Biodegradable, two counting certificates (credential part capped at 1), verified supplier: 0.92.
        Assert.Equal(TranhKhucRiceCakes, result.Hits[0].ProductId);
    }

    private static List<Guid> Sorted(SearchResult result) => [.. result.Hits.Select(h => h.ProductId).Order()];

    private static Dictionary<string, long> Counts(SearchResult result, string facet) =>
        result.Facets[facet].ToDictionary(f => f.Value, f => f.Count);
}
