using System.Net;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Model;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

public sealed class ReferenceDataTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task Schemes_are_seeded_from_the_reference_file_and_readable_anonymously()
    {
        var schemes = await (await factory.CreateClient().GetAsync("/api/catalogue/schemes")).ReadAsync<List<SchemeResponse>>(HttpStatusCode.OK);

        Assert.Equal(10, schemes.Count);
        var fsc = schemes.Single(s => s.Code == "FSC");
        Assert.Equal(["FSC 100%", "FSC Mix", "FSC Recycled"], fsc.Levels);
        Assert.Equal(@"^FSC-C\d{6}$", fsc.NumberPatterns["licence"]);
        Assert.Equal(36, schemes.Single(s => s.Code == "OCOP").ValidityMonths);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();

        await SchemeSeeder.SeedAsync(db, scope.ServiceProvider, default);

        Assert.Equal(10, db.Schemes.Count());
    }

    [Fact]
    public async Task Categories_carry_Vietnamese_and_English_labels()
    {
        var categories = await (await factory.CreateClient().GetAsync("/api/catalogue/categories")).ReadAsync<List<ProductCategory>>(HttpStatusCode.OK);

        Assert.Contains(new ProductCategory("bamboo-rattan", "Mây tre đan", "Bamboo and rattan"), categories);
        Assert.Equal(ProductCategories.All.Count, categories.Count);
    }
}
