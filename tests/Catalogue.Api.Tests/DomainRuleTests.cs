using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Model;
using Matchmaking.ServiceDefaults;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>Scheme rules from the seeded reference file and the product lifecycle, without a database.</summary>
public sealed class DomainRuleTests
{
    private static CertificationScheme Scheme(string code)
    {
        var e = SchemeSeeder.Load().Single(s => s.Code == code);
        return new CertificationScheme { Code = e.Code, Name = e.Name, Levels = e.Levels ?? [], NumberPatterns = e.NumberPatterns ?? [], ValidityMonths = e.ValidityMonths };
    }

    [Fact]
    public void The_reference_file_carries_every_scheme_with_FSC_number_patterns()
    {
        var schemes = SchemeSeeder.Load();
        Assert.Equal(10, schemes.Count);
        Assert.Equal(["3-star", "4-star", "5-star"], schemes.Single(s => s.Code == "OCOP").Levels);
        Assert.Equal(2, schemes.Single(s => s.Code == "FSC").NumberPatterns!.Count);
    }

    [Theory]
    [InlineData("SGS-COC-004567", true)]
    [InlineData("FSC-C123456", true)]
    [InlineData("BV-COC-123456", true)]
    [InlineData("FSC-C12345", false)]
    [InlineData("sgs-coc-004567", false)]
    [InlineData("SGS-COC-004567 ", false)]
    [InlineData("12345", false)]
    public void FSC_numbers_must_match_a_chain_of_custody_or_licence_code(string number, bool accepted) =>
        Assert.Equal(accepted, Scheme("FSC").AcceptsNumber(number));

    [Fact]
    public void Schemes_without_a_known_format_accept_any_number() => Assert.True(Scheme("VIETGAP").AcceptsNumber("VietGAP-TT-13-01-01-0001"));

    [Theory]
    [InlineData("OCOP", "4-star", true)]
    [InlineData("OCOP", "6-star", false)]
    [InlineData("OCOP", null, false)]
    [InlineData("FSC", "FSC Mix", true)]
    [InlineData("VIETGAP", null, true)]
    [InlineData("VIETGAP", "gold", false)]
    public void Levels_must_be_among_the_schemes_levels(string code, string? level, bool accepted) =>
        Assert.Equal(accepted, Scheme(code).AcceptsLevel(level));

    private static ProductDetails Details(IReadOnlyList<PriceTier>? tiers = null, Guid? siteId = null) => new(
        "Nón lá Chuông", null, "Nón lá làng Chuông", null, "handicraft-gifts", "chiếc", tiers ?? [new PriceTier(20, 60_000)], 20, 800, 10,
        Packaging.Reusable, null, [], siteId, []);

    [Fact]
    public void A_product_is_published_only_with_a_site_and_a_price_tier()
    {
        var now = DateTimeOffset.UtcNow;
        var product = Product.Draft(Guid.NewGuid(), Details(tiers: []), now);
        var error = Assert.Throws<DomainValidationException>(() => product.Publish(now));
        Assert.Contains("priceTiers", error.Errors.Keys);
        Assert.Contains("siteId", error.Errors.Keys);
        Assert.Equal(ProductStatus.Draft, product.Status);
    }

    [Fact]
    public void Lifecycle_goes_draft_published_withdrawn_with_a_new_version_at_each_step()
    {
        var now = DateTimeOffset.UtcNow;
        var product = Product.Draft(Guid.NewGuid(), Details(siteId: Guid.NewGuid()), now);
        var versions = new List<long> { product.Version };
        Assert.Throws<ConflictException>(() => product.Withdraw(now));
        product.Publish(now);
        versions.Add(product.Version);
        Assert.Throws<ConflictException>(() => product.Publish(now));
        product.Apply(Details(siteId: product.SiteId), now);
        versions.Add(product.Version);
        product.Withdraw(now);
        versions.Add(product.Version);
        Assert.Equal(ProductStatus.Withdrawn, product.Status);
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }
}
