using System.Numerics;

namespace Matchmaking.Matching.Engine;

/// <summary>The criteria that cannot be traded off; a product failing any one is not a match.</summary>
public enum HardConstraint { Category, Unit, RequiredScheme, OcopStars, Capacity, MinimumOrder, Price, Distance }

/// <summary>Each criterion's value 0..1 before weighting.</summary>
public readonly record struct ScoreParts(double TextRelevance, double CertificationStrength, double Sustainability, double Distance, double Price, double LeadTime)
{
    public double[] ToArray() => [TextRelevance, CertificationStrength, Sustainability, Distance, Price, LeadTime];
}

/// <summary>The verdict on one product for one need: where it failed, or its score with the facts the reasons cite.</summary>
public readonly record struct Evaluation(HardConstraint? FailedOn, string? FailedDetail, double Score, ScoreParts Parts, long UnitPriceVnd, double DistanceKm)
{
    public bool Qualifies => FailedOn is null;

    public static Evaluation Fail(HardConstraint constraint, string? detail = null) => new(constraint, detail, 0, default, 0, 0);
}

/// <summary>
/// Filter, then score: one pure function of a product, a need, the text hits and the day, so a pair scores the same whichever
/// side triggered the computation. SQL narrows the candidates on indexed columns first; this decides.
/// </summary>
public static class MatchCriteria
{
    public const double DefaultDistanceScaleKm = 100;
    public const int DefaultLeadTimeDays = 30;

    public static Evaluation Evaluate(ProductFacts p, NeedFacts n, TextHits hits, DateOnly today)
    {
        if (p.Category != n.Category) return Evaluation.Fail(HardConstraint.Category);
        // Quantities in different units cannot be compared, so capacity, MOQ and price would be meaningless.
        if (p.UnitKey != n.UnitKey) return Evaluation.Fail(HardConstraint.Unit);
        foreach (var scheme in n.RequiredSchemes)
            if (!HoldsOn(p, scheme, today)) return Evaluation.Fail(HardConstraint.RequiredScheme, scheme);
        if (n.MinimumOcopStars is { } minStars && !(p.OcopStarsOn(today) >= minStars)) return Evaluation.Fail(HardConstraint.OcopStars);
        if (p.MonthlyCapacity < n.QuantityPerMonth) return Evaluation.Fail(HardConstraint.Capacity);
        if (p.MinimumOrderQuantity > n.QuantityPerMonth) return Evaluation.Fail(HardConstraint.MinimumOrder);
        var price = p.UnitPriceAt(n.QuantityPerMonth);
        if (n.MaxUnitPriceVnd is { } ceiling && price > ceiling) return Evaluation.Fail(HardConstraint.Price);
        var km = Geo.DistanceKm(p.Latitude, p.Longitude, n.Latitude, n.Longitude);
        if (n.MaxDistanceKm is { } maxKm && km > maxKm) return Evaluation.Fail(HardConstraint.Distance);

        var parts = new ScoreParts(
            TextRelevance(n, hits),
            CertificationStrength(p, n, today),
            Sustainability(p, n),
            Math.Clamp(1 - km / (n.MaxDistanceKm is > 0 ? n.MaxDistanceKm.Value : DefaultDistanceScaleKm), 0, 1),
            PriceValue(price, n.MaxUnitPriceVnd),
            LeadTimeValue(p.LeadTimeDays, n.MaxLeadTimeDays));
        var w = n.Weights;
        var score = w.TextRelevance * parts.TextRelevance + w.CertificationStrength * parts.CertificationStrength
            + w.Sustainability * parts.Sustainability + w.Distance * parts.Distance + w.Price * parts.Price + w.LeadTime * parts.LeadTime;
        return new Evaluation(null, null, Math.Round(score, 4), parts, price, km);
    }

    public static bool HoldsOn(ProductFacts p, string scheme, DateOnly day) => p.HoldsOn(scheme, day);

    /// <summary>Share of keywords found (60 %) and of title words found (40 %); either alone when the other is empty.</summary>
    public static double TextRelevance(NeedFacts n, TextHits hits)
    {
        var keywords = n.KeywordTerms.Length == 0 ? (double?)null : (double)BitOperations.PopCount((ulong)hits.KeywordMask) / n.KeywordTerms.Length;
        var title = n.TitleTerms.Length == 0 ? (double?)null : (double)BitOperations.PopCount((ulong)hits.TitleMask) / n.TitleTerms.Length;
        return (keywords, title) switch
        {
            ({ } k, { } t) => 0.6 * k + 0.4 * t,
            ({ } k, null) => k,
            (null, { } t) => t,
            _ => 0,
        };
    }

    /// <summary>The strongest counting certificate's verification (60 %) and the share of preferred schemes held (40 %).</summary>
    public static double CertificationStrength(ProductFacts p, NeedFacts n, DateOnly today)
    {
        var best = p.StrengthOn(today);
        if (n.PreferredSchemes.Length == 0) return best;
        var held = 0;
        foreach (var scheme in n.PreferredSchemes)
            if (p.HoldsOn(scheme, today)) held++;
        return 0.6 * best + 0.4 * held / n.PreferredSchemes.Length;
    }

    /// <summary>Packaging (80 %, halved when the need does not accept it) and a supplier the programme office verified (20 %).</summary>
    public static double Sustainability(ProductFacts p, NeedFacts n)
    {
        var packaging = PackagingScore(p.Packaging) * (AcceptsPackaging(n, p.Packaging) ? 1 : 0.5);
        return 0.8 * packaging + (p.SupplierVerified ? 0.2 : 0);
    }

    public static bool AcceptsPackaging(NeedFacts n, string packaging) => n.Packaging.Length == 0 || Array.IndexOf(n.Packaging, packaging) >= 0;

    public static double PackagingScore(string packaging) => packaging switch
    {
        "plastic-free" or "reusable" => 1.0,
        "compostable" or "biodegradable" => 0.8,
        "recycled" => 0.6,
        _ => 0.0,
    };

    /// <summary>1 at half the ceiling or below, 0 at the ceiling; a neutral 0.5 when the need sets none.</summary>
    public static double PriceValue(long price, long? ceiling) =>
        ceiling is > 0 ? Math.Clamp((ceiling.Value - price) / (0.5 * ceiling.Value), 0, 1) : 0.5;

    /// <summary>1 for immediate supply, 0.5 at the need's limit (or 30 days), 0 at twice that.</summary>
    public static double LeadTimeValue(int leadTimeDays, int? maxLeadTimeDays)
    {
        var limit = maxLeadTimeDays ?? DefaultLeadTimeDays;
        if (limit <= 0) return leadTimeDays <= 0 ? 1 : 0;
        return Math.Clamp(1 - leadTimeDays / (2.0 * limit), 0, 1);
    }
}
