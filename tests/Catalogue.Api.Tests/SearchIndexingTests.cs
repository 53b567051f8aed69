using System.Net;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Search;
using Microsoft.Extensions.DependencyInjection;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>The index follows the catalogue through its events, in version order.</summary>
public sealed class SearchIndexingTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private IProductSearchIndex Index => factory.Services.GetRequiredService<IProductSearchIndex>();

    private async Task<SearchResponse> SearchAsync(string text) =>
        await (await factory.CreateClient().GetAsync($"/api/catalogue/search?q={Uri.EscapeDataString(text)}"))
            .ReadAsync<SearchResponse>(HttpStatusCode.OK);

    [Fact]
    public async Task A_published_product_is_findable_within_seconds_and_a_withdrawn_one_disappears()
    {
        var (_, client) = await factory.NewSupplierAsync("Gốm Thử Nghiệm Bát Tràng");
        var (product, _, _) = await client.PublishedVaseAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var found = await Eventually.ReadAsync(() => SearchAsync("binh gom men lam"), r => r.Items.Any(h => h.ProductId == product.Id), TimeSpan.FromSeconds(10));
        var hit = Assert.Single(found.Items, h => h.ProductId == product.Id);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"findable after {watch.Elapsed}");
        Assert.Equal(("Gốm Thử Nghiệm Bát Tràng", "Bát Tràng"), (hit.SupplierName, hit.CraftVillage));
        Assert.Equal(["OCOP"], hit.ValidSchemes);

        (await client.PostAsync($"/api/catalogue/products/{product.Id}/withdraw", null)).EnsureSuccessStatusCode();
        var gone = await Eventually.ReadAsync(() => SearchAsync("binh gom men lam"), r => r.Items.All(h => h.ProductId != product.Id), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(gone.Items, h => h.ProductId == product.Id);
    }

    [Fact]
    public async Task An_older_version_arriving_late_never_overwrites_a_newer_one()
    {
        var v3 = Document(Guid.NewGuid(), 3, "Khay tre phiên bản ba");

        Assert.True(await Index.UpsertAsync(v3, CancellationToken.None));
        Assert.False(await Index.UpsertAsync(v3 with { Version = 2, NameVi = "Khay tre phiên bản hai" }, CancellationToken.None));
        Assert.False(await Index.UpsertAsync(v3 with { NameVi = "Khay tre cùng phiên bản" }, CancellationToken.None));

        var hit = Assert.Single((await SearchAsync("khay tre phien ban")).Items);
        Assert.Equal("Khay tre phiên bản ba", hit.NameVi);
    }

    [Fact]
    public async Task A_removal_leaves_a_tombstone_that_an_older_upsert_cannot_revive()
    {
        var id = Guid.NewGuid();
        await Index.BulkUpsertAsync([Document(id, 4, "Thảm cói tombstone")], CancellationToken.None);

        Assert.True(await Index.RemoveAsync(id, 5, CancellationToken.None));
        Assert.False(await Index.UpsertAsync(Document(id, 4, "Thảm cói tombstone"), CancellationToken.None));
        Assert.False(await Index.RemoveAsync(id, 5, CancellationToken.None));
        Assert.Empty((await SearchAsync("tham coi tombstone")).Items);
        Assert.True(await Index.UpsertAsync(Document(id, 6, "Thảm cói tombstone"), CancellationToken.None));   // republished later
        Assert.Single((await SearchAsync("tham coi tombstone")).Items);
    }

    [Fact]
    public async Task Rebuilding_from_the_catalogue_restores_published_products()
    {
        var (_, client) = await factory.NewSupplierAsync("Xưởng Tái Dựng Chỉ Mục");
        var (product, _, _) = await client.PublishedVaseAsync();

        var count = await SearchIndexRebuild.RebuildAsync(factory.Services, CancellationToken.None);

        Assert.True(count >= 1);
        var hit = Assert.Single((await SearchAsync("xuong tai dung chi muc")).Items);
        Assert.Equal(product.Id, hit.ProductId);
    }

    private static SearchDocument Document(Guid id, long version, string name) => new()
    {
        ProductId = id, Version = version, SupplierId = Guid.NewGuid(), SupplierName = "HTX Thử nghiệm", SupplierVerified = false,
        NameVi = name, DescriptionVi = "Hàng thử nghiệm.", Category = "bamboo-rattan", Unit = "cái", MinUnitPriceVnd = 50_000,
        MaxUnitPriceVnd = 55_000, MinimumOrderQuantity = 10, MonthlyCapacity = 1_000, LeadTimeDays = 7, Packaging = "plastic-free",
        CraftVillage = "Phú Vinh", District = "Chương Mỹ", Province = "Hà Nội", Latitude = 20.905, Longitude = 105.686,
        Certifications = [], IndexedAt = DateTimeOffset.UtcNow,
    };
}
