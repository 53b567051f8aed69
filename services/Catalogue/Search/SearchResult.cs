namespace Matchmaking.Catalogue.Search;

public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>One product found, with its score and why it ranks where it does.</summary>
public sealed record SearchHit(
    Guid ProductId, string NameVi, string? NameEn, Guid SupplierId, string SupplierName, bool SupplierVerified, string Category,
    string Packaging, long MinUnitPriceVnd, long MinimumOrderQuantity, long MonthlyCapacity, string? CraftVillage, string District,
    string Province, IReadOnlyList<string> ValidSchemes, double? DistanceKm, double Score, ScoreExplanation Explanation);

/// <summary>Score = Text × TextWeight + Sustainability × SustainabilityWeight (+ Proximity when a point is given); each part 0..1.</summary>
public sealed record ScoreExplanation(double Text, double Sustainability, double? Proximity, IReadOnlyList<string> Reasons);

/// <summary>A facet value and how many matching products carry it. For priceRange the value is a bucket such as "1000-5000".</summary>
public sealed record FacetCount(string Value, long Count);

public sealed record Suggestion(string Text, string Kind);
