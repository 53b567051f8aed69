using System.Globalization;
using System.Text.RegularExpressions;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Engine;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>What can be traded off: the weighted score, its breakdown, and the reasons and misses a buyer reads.</summary>
public sealed class EngineScoringTests
{
    private static readonly DateOnly Today = TestData.Today;

    private static (Evaluation Evaluation, Explanation Explanation) Score(ProductSnapshot product, NeedSnapshot need, TextHits? hits = null)
    {
        var (p, n) = (ProductFacts.From(product, 1), NeedFacts.From(need, 1));
        var evaluation = MatchCriteria.Evaluate(p, n, hits ?? new TextHits(0, 0), Today);
        Assert.True(evaluation.Qualifies, $"failed on {evaluation.FailedOn}");
        return (evaluation, MatchExplainer.Explain(p, n, hits ?? new TextHits(0, 0), evaluation, Today));
    }

    private static MatchWeightsSnapshot Weights(double text = 0, double cert = 0, double sus = 0, double distance = 0, double price = 0, double lead = 0) =>
        new() { TextRelevance = text, CertificationStrength = cert, Sustainability = sus, Distance = distance, Price = price, LeadTime = lead };

    [Fact]
    public void The_breakdown_uses_normalised_weights_and_its_contributions_add_up_to_the_score()
    {
        var need = TestData.BagNeed() with { Weights = Weights(text: 3, cert: 2, sus: 2, distance: 1, price: 1, lead: 1) };
        var (evaluation, explanation) = Score(TestData.Bag(), need, new TextHits(0b11, 0b1));

        Assert.Equal(6, explanation.Breakdown.Count);
        Assert.Equal(1.0, explanation.Breakdown.Sum(b => b.Weight), 3);
        Assert.Equal(0.3, explanation.Breakdown.Single(b => b.Criterion == "textRelevance").Weight, 4);
        Assert.Equal(evaluation.Score, explanation.Breakdown.Sum(b => b.Contribution), 3);
        Assert.All(explanation.Breakdown, b => Assert.InRange(b.Value, 0, 1));
        Assert.InRange(evaluation.Score, 0, 1);
    }

    [Fact]
    public void A_need_without_weights_weighs_every_criterion_equally()
    {
        var (_, explanation) = Score(TestData.Bag(), TestData.BagNeed() with { Weights = Weights() });
        Assert.All(explanation.Breakdown, b => Assert.Equal(1.0 / 6, b.Weight, 4));
    }

    [Fact]
    public void Reasons_cite_the_certificate_date_and_verification_the_distance_and_the_price_against_the_ceiling()
    {
        var product = TestData.Bag(certificates: TestData.Certificate(untilDays: 300));
        var (_, explanation) = Score(product, TestData.BagNeed(), new TextHits(0b01, 0));

        // Vietnamese text with vi-VN numbers and dates: dots between thousands, a decimal comma, dd/MM/yyyy.
        var until = Today.AddDays(300).ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"VN_GREEN_LABEL (bắt buộc): hiệu lực đến {until} (đã xác minh qua cơ quan cấp)", explanation.Reasons);
        Assert.Contains(explanation.Reasons, r => Regex.IsMatch(r, @"^cách Long Biên \d+,\d km \(giới hạn 50 km\)$"));
        Assert.Contains("giá 1.100 ₫ ≤ trần 1.200 ₫ với 20.000 Túi/tháng", explanation.Reasons);
        Assert.Contains("năng lực 100.000 Túi/tháng ≥ 20.000 cần; đơn tối thiểu 5.000", explanation.Reasons);
        Assert.Contains("bao bì không nhựa", explanation.Reasons);
        Assert.Contains("thời gian giao 7 ngày ≤ 14", explanation.Reasons);
        Assert.Contains("có nhắc đến “túi tự hủy”", explanation.Reasons);
        Assert.Contains("không nhắc đến “bột ngô”", explanation.Misses);
    }

    [Theory]
    [InlineData("registry-verified", "đã xác minh qua cơ quan cấp")]
    [InlineData("document-checked", "đã đối chiếu hồ sơ")]
    [InlineData("self-declared", "tự khai báo")]
    public void A_certificate_reason_says_how_it_was_verified(string verification, string said)
    {
        var product = TestData.Bag(certificates: [TestData.Certificate(), TestData.Certificate("FSC", untilDays: null, verification: verification)]);
        var (_, explanation) = Score(product, TestData.BagNeed() with { PreferredSchemes = ["FSC"] });
        Assert.Contains($"FSC (ưu tiên): còn hiệu lực, không thời hạn ({said})", explanation.Reasons);
    }

    [Fact]
    public void Misses_name_the_soft_criteria_the_product_does_not_meet()
    {
        var product = TestData.Bag() with { Packaging = "conventional", LeadTimeDays = 21, SupplierVerified = false };
        var need = TestData.BagNeed() with { PreferredSchemes = ["FSC"], Packaging = ["biodegradable", "plastic-free"] };
        var (_, explanation) = Score(product, need);

        Assert.Contains("không có chứng nhận ưu tiên FSC", explanation.Misses);
        Assert.Contains("bao bì thông thường, nhu cầu chấp nhận phân hủy sinh học, không nhựa", explanation.Misses);
        Assert.Contains("thời gian giao 21 ngày > 14", explanation.Misses);
        Assert.Contains("nhà cung cấp chưa được văn phòng chương trình xác minh", explanation.Misses);
    }

    [Fact]
    public void Registry_verified_credentials_score_above_document_checked_above_self_declared()
    {
        var need = TestData.BagNeed() with { Weights = Weights(cert: 1) };
        var scores = new[] { "registry-verified", "document-checked", "self-declared" }
            .Select(v => Score(TestData.Bag(certificates: TestData.Certificate(verification: v)), need).Evaluation.Score).ToList();
        Assert.True(scores[0] > scores[1] && scores[1] > scores[2], string.Join(", ", scores));
    }

    [Fact]
    public void Holding_a_preferred_scheme_raises_the_score()
    {
        var need = TestData.BagNeed() with { PreferredSchemes = ["FSC"] };
        var without = Score(TestData.Bag(), need).Evaluation.Score;
        var with = Score(TestData.Bag(certificates: [TestData.Certificate(), TestData.Certificate("FSC", verification: "self-declared")]), need).Evaluation.Score;
        Assert.True(with > without, $"{with} <= {without}");
    }

    [Fact]
    public void Plastic_free_packaging_scores_above_recycled_above_conventional()
    {
        var need = TestData.BagNeed() with { Weights = Weights(sus: 1) };
        var scores = new[] { "plastic-free", "biodegradable", "recycled", "conventional" }
            .Select(p => Score(TestData.Bag() with { Packaging = p }, need).Evaluation.Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(1.0, scores[0], 4);
    }

    [Fact]
    public void Changing_the_weights_reorders_a_near_expensive_product_and_a_far_cheap_one()
    {
        var near = TestData.Bag(site: TestData.LongBien) with { PriceTiers = [new(5_000, 1_190)] };
        var far = TestData.Bag(site: TestData.SonTay) with { PriceTiers = [new(5_000, 700)] };

        var byDistance = TestData.BagNeed() with { Weights = Weights(distance: 0.8, price: 0.2) };
        Assert.True(Score(near, byDistance).Evaluation.Score > Score(far, byDistance).Evaluation.Score);

        var byPrice = byDistance with { Weights = Weights(distance: 0.2, price: 0.8) };
        Assert.True(Score(far, byPrice).Evaluation.Score > Score(near, byPrice).Evaluation.Score);
    }

    [Fact]
    public void More_of_the_need_s_terms_found_means_more_text_relevance()
    {
        var need = TestData.BagNeed() with { Weights = Weights(text: 1) };
        var none = Score(TestData.Bag(), need, new TextHits(0, 0)).Evaluation.Score;
        var some = Score(TestData.Bag(), need, new TextHits(0b01, 0b1)).Evaluation.Score;
        var all = Score(TestData.Bag(), need, new TextHits(0b11, (1L << NeedFacts.From(need, 1).TitleTerms.Length) - 1)).Evaluation.Score;
        Assert.True(none < some && some < all, $"{none}, {some}, {all}");
        Assert.Equal(1.0, all, 4);
    }
}
