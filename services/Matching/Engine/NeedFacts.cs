using Matchmaking.Contracts.Needs;

namespace Matchmaking.Matching.Engine;

/// <summary>The six weights of a need, normalised to sum to 1 (equal weights when the need gives none).</summary>
public readonly record struct MatchWeights(double TextRelevance, double CertificationStrength, double Sustainability, double Distance, double Price, double LeadTime)
{
    public static MatchWeights Normalised(MatchWeightsSnapshot w) =>
        Normalised(w.TextRelevance, w.CertificationStrength, w.Sustainability, w.Distance, w.Price, w.LeadTime);

    public static MatchWeights Normalised(params double[] w)
    {
        var clamped = w.Select(x => double.IsFinite(x) ? Math.Max(0, x) : 0).ToArray();
        var sum = clamped.Sum();
        if (sum <= 0) clamped = [1, 1, 1, 1, 1, 1];
        sum = clamped.Sum();
        return new(clamped[0] / sum, clamped[1] / sum, clamped[2] / sum, clamped[3] / sum, clamped[4] / sum, clamped[5] / sum);
    }

    public double[] ToArray() => [TextRelevance, CertificationStrength, Sustainability, Distance, Price, LeadTime];
}

/// <summary>What matching knows of a need: hard criteria, soft criteria and weights. Built from a needs snapshot or a read-model row.</summary>
public sealed class NeedFacts
{
    public required Guid NeedId { get; init; }
    public required long Version { get; init; }
    public required Guid RetailerId { get; init; }
    public required string RetailerName { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required string Unit { get; init; }
    public required string UnitKey { get; init; }
    public required long QuantityPerMonth { get; init; }
    public long? MaxUnitPriceVnd { get; init; }
    public int? MinimumOcopStars { get; init; }
    public required string[] RequiredSchemes { get; init; }
    public required string[] PreferredSchemes { get; init; }
    public required string[] Packaging { get; init; }
    public double? MaxDistanceKm { get; init; }
    public int? MaxLeadTimeDays { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public required string DeliveryDistrict { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public required MatchWeights Weights { get; init; }
    /// <summary>Sanitised keywords, each one term; bit i of a keyword mask is term i.</summary>
    public required string[] KeywordTerms { get; init; }
    /// <summary>Distinct sanitised title words; bit i of a title mask is word i.</summary>
    public required string[] TitleTerms { get; init; }

    public static NeedFacts From(NeedSnapshot n, long version) => new()
    {
        NeedId = n.NeedId,
        Version = version,
        RetailerId = n.RetailerId,
        RetailerName = n.RetailerName,
        Title = n.Title,
        Category = n.Category,
        Unit = n.Unit,
        UnitKey = Units.Key(n.Unit),
        QuantityPerMonth = n.QuantityPerMonth,
        MaxUnitPriceVnd = n.MaxUnitPriceVnd,
        MinimumOcopStars = n.MinimumOcopStars,
        RequiredSchemes = [.. n.RequiredSchemes.Distinct()],
        PreferredSchemes = [.. n.PreferredSchemes.Distinct()],
        Packaging = [.. n.Packaging.Distinct()],
        MaxDistanceKm = n.MaxDistanceKm,
        MaxLeadTimeDays = n.MaxLeadTimeDays,
        Latitude = n.Delivery.Latitude,
        Longitude = n.Delivery.Longitude,
        DeliveryDistrict = n.Delivery.District,
        ValidUntil = n.ValidUntil,
        Weights = MatchWeights.Normalised(n.Weights),
        KeywordTerms = SearchTerms.Keywords(n.Keywords),
        TitleTerms = SearchTerms.TitleWords(n.Title),
    };
}

/// <summary>Which of a need's keyword terms and title words a product's name and description contain, one bit per term.</summary>
public readonly record struct TextHits(long KeywordMask, long TitleMask);
