using Matchmaking.Catalogue.Search;
using Matchmaking.Contracts.Catalogue;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

public sealed class SearchDocumentTests
{
    private static readonly DateTimeOffset Taken = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    private static ProductSnapshot Snapshot(CertificationSnapshot certificate) => new()
    {
        ProductId = Guid.NewGuid(), SupplierId = Guid.NewGuid(), SupplierName = "Gốm Kim Lan", SupplierVerified = true,
        NameVi = "Bát gốm men tro", DescriptionVi = "Bát gốm", Category = "ceramics", Unit = "chiếc",
        PriceTiers = [new PriceTierSnapshot(100, 30_000), new PriceTierSnapshot(10, 35_000)],
        MinimumOrderQuantity = 10, MonthlyCapacity = 5_000, LeadTimeDays = 10, Packaging = "plastic-free", ImageUrls = [],
        Site = new SiteSnapshot { SiteId = Guid.NewGuid(), Name = "Lò", CraftVillage = "Kim Lan", District = "Gia Lâm", Province = "Hà Nội", Latitude = 20.958, Longitude = 105.92 },
        Certifications = [certificate],
    };

    private static CertificationSnapshot NotYetValid(bool? coversProduct) => new()
    {
        CertificateId = Guid.NewGuid(), SchemeCode = "OCOP", Number = "OCOP-1", Issuer = "UBND", Level = "4-star",
        ValidFrom = new DateOnly(2027, 1, 1), ValidUntil = new DateOnly(2029, 12, 31), Status = "active",
        VerificationState = "self-declared", ValidAtSnapshot = false, CoversProduct = coversProduct,
    };

    [Fact]
    public void A_certificate_outside_the_products_scope_never_counts_even_once_its_validity_starts()
    {
        var document = SearchDocuments.From(Snapshot(NotYetValid(coversProduct: false)), 2, Taken, Taken);

        var certification = Assert.Single(document.Certifications);
        Assert.False(certification.CountsOn(new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void A_certificate_covering_the_product_counts_once_its_validity_starts()
    {
        var document = SearchDocuments.From(Snapshot(NotYetValid(coversProduct: true)), 2, Taken, Taken);

        var certification = Assert.Single(document.Certifications);
        Assert.False(certification.CountsOn(new DateOnly(2026, 12, 1)));
        Assert.True(certification.CountsOn(new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void Prices_index_the_best_tier_and_the_entry_tier()
    {
        var document = SearchDocuments.From(Snapshot(NotYetValid(true)), 2, Taken, Taken);

        Assert.Equal(30_000, document.MinUnitPriceVnd);
        Assert.Equal(35_000, document.MaxUnitPriceVnd);
    }
}
