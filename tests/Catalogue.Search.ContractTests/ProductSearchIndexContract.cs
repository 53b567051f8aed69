using Matchmaking.Catalogue.Search;
using static Matchmaking.Catalogue.Search.ContractTests.FixtureProducts;

namespace Matchmaking.Catalogue.Search.ContractTests;

/// <summary>
/// What every <see cref="IProductSearchIndex"/> adapter must do, run once per adapter by a concrete subclass.
/// Tests that only read share the fixture index; tests that write get an empty index of their own.
/// [SkippableFact] plus Skip.IfNot reports an adapter without a server as skipped, never as passed.
/// </summary>
public abstract partial class ProductSearchIndexContract(SearchIndexFixture fixture)
{
    protected static readonly CancellationToken Ct = CancellationToken.None;

    [SkippableFact]
    public async Task An_upserted_product_is_found_by_its_name()
    {
        var index = await FreshAsync();
        Assert.True(await index.UpsertAsync(Get(HaThaiLacquerBox), Ct));

        var result = await index.SearchAsync(Query() with { Text = "Hộp sơn mài Hạ Thái" }, Ct);

        Assert.Equal(HaThaiLacquerBox, Assert.Single(result.Hits).ProductId);
        Assert.Equal(1, result.Total);
    }

    [SkippableFact]
    public async Task A_query_without_diacritics_finds_the_Vietnamese_name()
    {
        var index = await SharedAsync();

        var vase = await index.SearchAsync(Query() with { Text = "gom su bat trang" }, Ct);
        var scarf = await index.SearchAsync(Query() with { Text = "khan lua to tam" }, Ct);

        Assert.Equal(BatTrangVase, vase.Hits[0].ProductId);
        Assert.Contains(VanPhucScarf, Ids(scarf));
    }

    [SkippableFact]
    public async Task A_query_with_diacritics_finds_the_same_products()
    {
        var index = await SharedAsync();

        var vase = await index.SearchAsync(Query() with { Text = "Gốm sứ Bát Tràng" }, Ct);
        var basket = await index.SearchAsync(Query() with { Text = "mây tre đan" }, Ct);

        Assert.Equal(BatTrangVase, vase.Hits[0].ProductId);
        Assert.Contains(PhuVinhBasket, Ids(basket));
    }

    [SkippableFact]
    public async Task A_misspelt_query_still_finds_the_product()
    {
        var index = await SharedAsync();

        var basket = await index.SearchAsync(Query() with { Text = "may tre dna" }, Ct);
        var vase = await index.SearchAsync(Query() with { Text = "gom su bat trag" }, Ct);

        Assert.Contains(PhuVinhBasket, Ids(basket));
        Assert.Contains(BatTrangVase, Ids(vase));
    }

    [SkippableFact]
    public async Task English_text_finds_the_English_name()
    {
        var index = await SharedAsync();

        var result = await index.SearchAsync(Query() with { Text = "rattan basket" }, Ct);

        Assert.Equal(PhuVinhBasket, result.Hits[0].ProductId);
    }

    [SkippableFact]
    public async Task Query_syntax_in_the_text_is_treated_as_plain_words()
    {
        var index = await SharedAsync();

        var result = await index.SearchAsync(Query() with { Text = "name:(gốm OR lụa)~2 AND * \"' ; --" }, Ct);

        // No error, and no operator widened the match to everything.
        Assert.True(result.Total < All.Count);
    }

    [SkippableFact]
    public async Task A_stale_version_is_ignored()
    {
        var index = await FreshAsync();
        var id = Guid.NewGuid();

        Assert.True(await index.UpsertAsync(Versioned(id, 3), Ct));
        Assert.False(await index.UpsertAsync(Versioned(id, 2), Ct));
        Assert.False(await index.UpsertAsync(Versioned(id, 3), Ct));

        Assert.Equal("Giỏ cói phiên bản 3", Assert.Single((await index.SearchAsync(Query(), Ct)).Hits).NameVi);
    }

    [SkippableFact]
    public async Task A_removed_product_is_revived_only_by_a_newer_version()
    {
        var index = await FreshAsync();
        var id = Guid.NewGuid();
        await index.UpsertAsync(Versioned(id, 3), Ct);

        Assert.True(await index.RemoveAsync(id, 4, Ct));
        Assert.Empty((await index.SearchAsync(Query(), Ct)).Hits);

        Assert.False(await index.UpsertAsync(Versioned(id, 3), Ct));
        Assert.False(await index.UpsertAsync(Versioned(id, 4), Ct));
        Assert.Empty((await index.SearchAsync(Query(), Ct)).Hits);

        Assert.True(await index.UpsertAsync(Versioned(id, 5), Ct));
        Assert.Equal("Giỏ cói phiên bản 5", Assert.Single((await index.SearchAsync(Query(), Ct)).Hits).NameVi);
    }

    [SkippableFact]
    public async Task A_removal_wins_over_the_live_document_of_the_same_version_and_an_older_removal_is_ignored()
    {
        var index = await FreshAsync();
        var id = Guid.NewGuid();
        await index.UpsertAsync(Versioned(id, 2), Ct);

        Assert.False(await index.RemoveAsync(id, 1, Ct));
        Assert.Single((await index.SearchAsync(Query(), Ct)).Hits);

        Assert.True(await index.RemoveAsync(id, 2, Ct));
        Assert.Empty((await index.SearchAsync(Query(), Ct)).Hits);
        Assert.False(await index.RemoveAsync(id, 2, Ct));
    }

    [SkippableFact]
    public async Task Bulk_upsert_indexes_every_document_and_keeps_the_newest_versions()
    {
        var index = await FreshAsync();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        await index.BulkUpsertAsync([.. All, Versioned(a, 2), Versioned(b, 1)], Ct);
        await index.BulkUpsertAsync([Versioned(a, 1), Versioned(b, 2)], Ct);

        var result = await index.SearchAsync(Query(), Ct);
        Assert.Equal(All.Count + 2, result.Total);
        Assert.Equal("Giỏ cói phiên bản 2", result.Hits.Single(h => h.ProductId == a).NameVi);
        Assert.Equal("Giỏ cói phiên bản 2", result.Hits.Single(h => h.ProductId == b).NameVi);
    }

    [SkippableFact]
    public async Task Clear_empties_the_index_and_the_same_versions_can_be_indexed_again()
    {
        var index = await FreshAsync();
        await index.BulkUpsertAsync(All, Ct);
        await index.RemoveAsync(Guid.NewGuid(), 7, Ct);

        await index.ClearAsync(Ct);
        Assert.Equal(0, (await index.SearchAsync(Query(), Ct)).Total);
        Assert.Empty(await index.SuggestAsync("gom", 5, Ct));

        // A rebuild re-sends the versions the index held before: nothing of them may linger.
        await index.BulkUpsertAsync(All, Ct);
        Assert.Equal(All.Count, (await index.SearchAsync(Query(), Ct)).Total);
    }

    [SkippableFact]
    public async Task Suggestions_complete_craft_villages_and_product_names_without_diacritics()
    {
        var index = await SharedAsync();

        var village = await index.SuggestAsync("bat tr", 5, Ct);
        var name = await index.SuggestAsync("khan lu", 5, Ct);

        Assert.Contains(new Suggestion("Bát Tràng", "craftVillage"), village);
        Assert.Equal("craftVillage", village[0].Kind); // villages before product names
        Assert.Contains(new Suggestion("Khăn lụa tơ tằm Vạn Phúc", "product"), name);
        Assert.True(village.Count <= 5);
    }

    protected static ProductSearchQuery Query() => new() { Today = Today, PageSize = ProductSearchQuery.MaxPageSize };

    protected static HashSet<Guid> Ids(SearchResult result) => [.. result.Hits.Select(h => h.ProductId)];

    private static SearchDocument Versioned(Guid id, long version) => Get(PhuVinhBasket) with
    {
        ProductId = id,
        Version = version,
        NameVi = $"Giỏ cói phiên bản {version}",
    };

    protected async Task<IProductSearchIndex> SharedAsync()
    {
        Skip.IfNot(fixture.Available, fixture.SkipReason);
        return await fixture.SharedAsync();
    }

    protected async Task<IProductSearchIndex> FreshAsync()
    {
        Skip.IfNot(fixture.Available, fixture.SkipReason);
        return await fixture.CreateIndexAsync();
    }
}
