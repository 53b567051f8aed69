using System.Net;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Search;
using Microsoft.Extensions.DependencyInjection;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>A new, empty index beside a catalogue with published products is filled on start (after an upgrade, a new node).</summary>
public sealed class SearchIndexFillTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private async Task<SearchResponse> SearchAsync(string text) =>
        await (await factory.CreateClient().GetAsync($"/api/catalogue/search?q={Uri.EscapeDataString(text)}"))
            .ReadAsync<SearchResponse>(HttpStatusCode.OK);

    [Fact]
    public async Task An_empty_index_is_filled_from_the_published_catalogue()
    {
        var (_, client) = await factory.NewSupplierAsync("Gốm Làm Lại Bát Tràng");
        var (product, _, _) = await client.PublishedVaseAsync();
        var index = factory.Services.GetRequiredService<IProductSearchIndex>();
        await Eventually.ReadAsync(() => SearchAsync("binh gom men lam"), r => r.Items.Any(h => h.ProductId == product.Id));
        await index.ClearAsync(CancellationToken.None);
        Assert.Empty((await SearchAsync("binh gom men lam")).Items);

        await using (var scope = factory.Services.CreateAsyncScope())
            await SearchIndexRebuild.FillIfEmptyAsync(scope.ServiceProvider.GetRequiredService<CatalogueDbContext>(), scope.ServiceProvider, CancellationToken.None);

        Assert.Contains((await SearchAsync("binh gom men lam")).Items, h => h.ProductId == product.Id);
    }
}
