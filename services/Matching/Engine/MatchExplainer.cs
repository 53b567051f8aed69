using Matchmaking.Matching.Model;
using Matchmaking.Matching.Services;
using static Matchmaking.Matching.Services.VietnameseText;

namespace Matchmaking.Matching.Engine;

/// <summary>A match's explanation: each criterion's part, why it qualifies, and the soft criteria it misses.</summary>
public sealed record Explanation(List<ScorePart> Breakdown, List<string> Reasons, List<string> Misses);

/// <summary>
/// Turns an evaluation into sentences a buyer can check against the facts (dates, distances, prices, verification).
/// Only the matches that are kept are explained; ranking needs the numbers alone. The sentences are Vietnamese, with
/// vi-VN numbers and dates (<see cref="VietnameseText"/>); scheme codes stay codes, as on the certificates.
/// </summary>
public static class MatchExplainer
{
    public static readonly IReadOnlyList<string> Criteria =
        ["textRelevance", "certificationStrength", "sustainability", "distance", "price", "leadTime"];

    public static Explanation Explain(ProductFacts p, NeedFacts n, TextHits hits, Evaluation e, DateOnly today)
    {
        var weights = n.Weights.ToArray();
        var values = e.Parts.ToArray();
        var breakdown = Criteria.Select((c, i) => new ScorePart(c, Round(values[i]), Round(weights[i]), Round(values[i] * weights[i]))).ToList();
        var reasons = new List<string>();
        var misses = new List<string>();

        var keywords = n.KeywordTerms.Where((_, i) => (hits.KeywordMask & (1L << i)) != 0).ToList();
        if (keywords.Count > 0) reasons.Add($"có nhắc đến {string.Join(", ", keywords.Select(k => $"“{k}”"))}");
        misses.AddRange(n.KeywordTerms.Where((_, i) => (hits.KeywordMask & (1L << i)) == 0).Select(k => $"không nhắc đến “{k}”"));

        var counting = p.Certificates.Where(c => c.CountsOn(today)).OrderByDescending(c => c.Strength).ToList();
        foreach (var group in counting.GroupBy(c => c.Scheme))
        {
            var c = group.First();
            var role = n.RequiredSchemes.Contains(c.Scheme) ? " (bắt buộc)" : n.PreferredSchemes.Contains(c.Scheme) ? " (ưu tiên)" : "";
            var level = string.IsNullOrEmpty(c.Level) ? "" : " " + c.Level;
            var until = c.ValidUntil is { } u && u < DateOnly.MaxValue ? $"hiệu lực đến {Date(u)}" : "còn hiệu lực, không thời hạn";
            reasons.Add($"{c.Scheme}{level}{role}: {until} ({VerificationText(c.Verification)})");
        }
        if (counting.Count == 0) misses.Add("không có chứng nhận còn hiệu lực cho sản phẩm");
        misses.AddRange(n.PreferredSchemes.Where(s => !MatchCriteria.HoldsOn(p, s, today)).Select(s => $"không có chứng nhận ưu tiên {s}"));
        if (n.MinimumOcopStars is { } stars) reasons.Add($"OCOP {p.OcopStarsOn(today)} sao ≥ {stars} sao theo yêu cầu");

        var district = string.IsNullOrWhiteSpace(n.DeliveryDistrict) ? "điểm giao hàng" : n.DeliveryDistrict;
        reasons.Add($"cách {district} {Number(e.DistanceKm, "0.0")} km"
            + (n.MaxDistanceKm is { } maxKm ? $" (giới hạn {Number(maxKm, "0.#")} km)" : ""));
        reasons.Add(n.MaxUnitPriceVnd is { } ceiling
            ? $"giá {Vnd(e.UnitPriceVnd)} ≤ trần {Vnd(ceiling)} với {Number(n.QuantityPerMonth)} {n.Unit}/tháng"
            : $"giá {Vnd(e.UnitPriceVnd)}/{n.Unit} với {Number(n.QuantityPerMonth)} {n.Unit}/tháng");
        reasons.Add($"năng lực {Number(p.MonthlyCapacity)} {n.Unit}/tháng ≥ {Number(n.QuantityPerMonth)} cần; đơn tối thiểu {Number(p.MinimumOrderQuantity)}");

        var packaging = PackagingText(p.Packaging);
        if (!MatchCriteria.AcceptsPackaging(n, p.Packaging)) misses.Add($"bao bì {packaging}, nhu cầu chấp nhận {string.Join(", ", n.Packaging.Select(PackagingText))}");
        else if (MatchCriteria.PackagingScore(p.Packaging) > 0) reasons.Add($"bao bì {packaging}");
        else misses.Add($"bao bì {packaging}");
        if (p.SupplierVerified) reasons.Add("nhà cung cấp đã được văn phòng chương trình xác minh");
        else misses.Add("nhà cung cấp chưa được văn phòng chương trình xác minh");

        if (n.MaxLeadTimeDays is { } maxDays && p.LeadTimeDays > maxDays) misses.Add($"thời gian giao {p.LeadTimeDays} ngày > {maxDays}");
        else reasons.Add($"thời gian giao {p.LeadTimeDays} ngày" + (n.MaxLeadTimeDays is { } limit ? $" ≤ {limit}" : ""));
        return new Explanation(breakdown, reasons, misses);
    }

    /// <summary>The catalogue's verification states in words; anything else counts as self-declared, as in <see cref="CertificateFacts.Strength"/>.</summary>
    private static string VerificationText(string verification) => verification switch
    {
        "registry-verified" => "đã xác minh qua cơ quan cấp",
        "document-checked" => "đã đối chiếu hồ sơ",
        _ => "tự khai báo",
    };

    /// <summary>The catalogue's packaging codes in words; a code added later shows as itself until it gets a name here.</summary>
    private static string PackagingText(string code) => code switch
    {
        "plastic-free" => "không nhựa",
        "biodegradable" => "phân hủy sinh học",
        "compostable" => "ủ phân được",
        "recycled" => "tái chế",
        "reusable" => "dùng nhiều lần",
        "conventional" => "thông thường",
        _ => code,
    };

    private static double Round(double value) => Math.Round(value, 4);
}
