using Matchmaking.Catalogue.Services;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>A consumer whose read model started late (a new matching database) gets every published product again.</summary>
public sealed class ReplayTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task Replaying_announces_each_published_product_again_at_its_current_version_and_leaves_drafts_out()
    {
        var (_, client) = await factory.NewSupplierAsync("Gốm Phát Lại Bát Tràng");
        var (published, site, certificate) = await client.PublishedVaseAsync();
        var draft = await client.CreateProductAsync(TestData.Vase(site.Id, [certificate.Id]));
        await using var updates = await EventListener<ProductUpdated>.StartAsync(factory.RabbitMqConnectionString);

        var count = await ProductReplay.ReplayAsync(factory.Services, CancellationToken.None);

        Assert.True(count >= 1);
        var replayed = (await updates.WaitForAsync(e => e.Product.ProductId == published.Id)).Message;
        Assert.Equal(published.Version, replayed.Version);
        Assert.Equal("OCOP", Assert.Single(replayed.Product.Certifications).SchemeCode);
        Assert.DoesNotContain(await updates.ReceivedAsync(TimeSpan.FromSeconds(1)), e => e.Product.ProductId == draft.Id);
    }
}
