using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Engine;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>The hard constraints, one by one, on the pure engine: no database, the same function both directions use.</summary>
public sealed class EngineRuleTests
{
    private static readonly DateOnly Today = TestData.Today;
    private static readonly TextHits NoHits = new(0, 0);

    private static Evaluation Evaluate(ProductSnapshot product, NeedSnapshot need, DateOnly? day = null) =>
        MatchCriteria.Evaluate(ProductFacts.From(product, 1), NeedFacts.From(need, 1), NoHits, day ?? Today);

    [Fact]
    public void The_reference_pair_qualifies()
    {
        var result = Evaluate(TestData.Bag(), TestData.BagNeed());
        Assert.True(result.Qualifies, $"failed on {result.FailedOn}");
        Assert.Equal(1_100, result.UnitPriceVnd);
    }

    [Fact]
    public void A_product_in_another_category_is_not_a_match() =>
        Assert.Equal(HardConstraint.Category, Evaluate(TestData.Bag() with { Category = "ceramics" }, TestData.BagNeed()).FailedOn);

    [Fact]
    public void A_required_scheme_held_only_through_an_expired_certificate_is_not_a_match()
    {
        var lapsed = TestData.Bag(certificates: TestData.Certificate(fromDays: -400, untilDays: -1));
        var result = Evaluate(lapsed, TestData.BagNeed());
        Assert.Equal((HardConstraint.RequiredScheme, "VN_GREEN_LABEL"), (result.FailedOn, result.FailedDetail));
    }

    [Fact]
    public void A_certificate_counts_through_its_last_valid_day_and_not_the_day_after()
    {
        var product = TestData.Bag(certificates: TestData.Certificate(untilDays: 10));
        Assert.True(Evaluate(product, TestData.BagNeed(), Today.AddDays(10)).Qualifies);
        Assert.Equal(HardConstraint.RequiredScheme, Evaluate(product, TestData.BagNeed(), Today.AddDays(11)).FailedOn);
    }

    [Fact]
    public void A_certificate_not_yet_valid_does_not_count() =>
        Assert.Equal(HardConstraint.RequiredScheme,
            Evaluate(TestData.Bag(certificates: TestData.Certificate(fromDays: 5)), TestData.BagNeed()).FailedOn);

    [Fact]
    public void A_certificate_whose_scope_does_not_cover_the_product_does_not_count() =>
        Assert.Equal(HardConstraint.RequiredScheme,
            Evaluate(TestData.Bag(certificates: TestData.Certificate(covers: false)), TestData.BagNeed()).FailedOn);

    [Fact]
    public void A_certificate_without_scope_information_counts_as_covering() =>
        Assert.True(Evaluate(TestData.Bag(certificates: TestData.Certificate(covers: null)), TestData.BagNeed()).Qualifies);

    [Theory]
    [InlineData("suspended")]
    [InlineData("withdrawn")]
    [InlineData("expired")]
    public void A_certificate_that_is_not_active_does_not_count(string status) =>
        Assert.Equal(HardConstraint.RequiredScheme,
            Evaluate(TestData.Bag(certificates: TestData.Certificate(status: status)), TestData.BagNeed()).FailedOn);

    [Theory]
    [InlineData("4", true)]
    [InlineData("4 sao", true)]
    [InlineData("5-star", true)]
    [InlineData("3-star", false)]
    [InlineData(null, false)]
    public void OCOP_stars_must_reach_the_minimum(string? level, bool qualifies)
    {
        var product = TestData.Bag(certificates: [TestData.Certificate(), TestData.Certificate("OCOP", level: level)]);
        var result = Evaluate(product, TestData.BagNeed() with { MinimumOcopStars = 4 });
        Assert.Equal(qualifies, result.Qualifies);
        if (!qualifies) Assert.Equal(HardConstraint.OcopStars, result.FailedOn);
    }

    [Fact]
    public void OCOP_stars_from_an_expired_certificate_do_not_count()
    {
        var product = TestData.Bag(certificates: [TestData.Certificate(), TestData.Certificate("OCOP", level: "5-star", fromDays: -800, untilDays: -2)]);
        Assert.Equal(HardConstraint.OcopStars, Evaluate(product, TestData.BagNeed() with { MinimumOcopStars = 3 }).FailedOn);
    }

    [Fact]
    public void A_monthly_capacity_below_the_quantity_is_not_a_match() =>
        Assert.Equal(HardConstraint.Capacity, Evaluate(TestData.Bag() with { MonthlyCapacity = 19_999 }, TestData.BagNeed()).FailedOn);

    [Fact]
    public void A_minimum_order_above_the_quantity_is_not_a_match() =>
        Assert.Equal(HardConstraint.MinimumOrder, Evaluate(TestData.Bag() with { MinimumOrderQuantity = 20_001 }, TestData.BagNeed()).FailedOn);

    [Fact]
    public void The_price_tier_for_the_quantity_decides_against_the_ceiling()
    {
        // 20,000 a month buys at the 10,000 tier (1,100 VND); 8,000 only at the 5,000 tier (1,300 VND), over the ceiling.
        Assert.Equal(1_100, Evaluate(TestData.Bag(), TestData.BagNeed()).UnitPriceVnd);
        Assert.Equal(HardConstraint.Price, Evaluate(TestData.Bag(), TestData.BagNeed() with { QuantityPerMonth = 8_000 }).FailedOn);
        Assert.Equal(950, Evaluate(TestData.Bag(), TestData.BagNeed() with { QuantityPerMonth = 60_000 }).UnitPriceVnd);
    }

    [Fact]
    public void A_site_beyond_the_maximum_distance_is_not_a_match()
    {
        Assert.Equal(HardConstraint.Distance, Evaluate(TestData.Bag(site: TestData.HaiPhong), TestData.BagNeed()).FailedOn);
        Assert.True(Evaluate(TestData.Bag(site: TestData.HaiPhong), TestData.BagNeed() with { MaxDistanceKm = null }).Qualifies);
    }

    [Theory]
    [InlineData("túi", "Túi ", true)]
    [InlineData("bag", "túi", true)]
    [InlineData("cái", "chiếc", true)]
    [InlineData("pcs", "cái", true)]
    [InlineData("kilogram", "kg", true)]
    [InlineData("kg", "túi", false)]
    [InlineData("hộp", "túi", false)]
    public void Units_are_compared_after_normalising(string productUnit, string needUnit, bool qualifies)
    {
        var result = Evaluate(TestData.Bag() with { Unit = productUnit }, TestData.BagNeed() with { Unit = needUnit });
        Assert.Equal(qualifies, result.Qualifies);
        if (!qualifies) Assert.Equal(HardConstraint.Unit, result.FailedOn);
    }

    [Fact]
    public void The_next_validity_change_is_the_day_after_the_last_valid_day_or_a_future_start()
    {
        var facts = ProductFacts.From(TestData.Bag(certificates: [TestData.Certificate(untilDays: 10), TestData.Certificate("FSC", fromDays: 4, untilDays: 400)]), 1);
        Assert.Equal(Today.AddDays(4), facts.NextValidityChangeAfter(Today));
        Assert.Equal(Today.AddDays(11), facts.NextValidityChangeAfter(Today.AddDays(4)));
        Assert.Equal(Today.AddDays(401), facts.NextValidityChangeAfter(Today.AddDays(11)));
    }
}
