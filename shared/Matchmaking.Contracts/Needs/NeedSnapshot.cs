namespace Matchmaking.Contracts.Needs;

/// <summary>
/// Everything matching needs to rank products for a sourcing need without calling the needs service back.
/// Hard criteria filter; soft ones (preferred schemes, packaging, lead time) and the weights only score.
/// </summary>
public sealed record NeedSnapshot
{
    public required Guid NeedId { get; init; }
    public required Guid RetailerId { get; init; }
    public required string RetailerName { get; init; }
    public required bool RetailerVerified { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>A catalogue category slug.</summary>
    public required string Category { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    /// <summary>Scheme codes a product must hold through a valid certificate that covers it.</summary>
    public required IReadOnlyList<string> RequiredSchemes { get; init; }
    /// <summary>Scheme codes that raise the score but filter nothing.</summary>
    public required IReadOnlyList<string> PreferredSchemes { get; init; }
    public int? MinimumOcopStars { get; init; }
    public required long QuantityPerMonth { get; init; }
    public required string Unit { get; init; }
    public long? MaxUnitPriceVnd { get; init; }
    public required DeliveryLocationSnapshot Delivery { get; init; }
    public double? MaxDistanceKm { get; init; }
    /// <summary>Acceptable packaging codes (plastic-free, biodegradable, ...); empty when any will do. Soft.</summary>
    public required IReadOnlyList<string> Packaging { get; init; }
    /// <summary>Soft: a longer lead time scores lower and is listed among what the match misses.</summary>
    public int? MaxLeadTimeDays { get; init; }
    public required DateOnly NeededFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public required MatchWeightsSnapshot Weights { get; init; }
    /// <summary>The retailer's sustainability commitments, carried into agreements.</summary>
    public required IReadOnlyList<string> RetailerCommitments { get; init; }
    /// <summary>draft, open, closed or expired.</summary>
    public required string Status { get; init; }
}

public sealed record DeliveryLocationSnapshot
{
    public required string Name { get; init; }
    public string? Address { get; init; }
    public string? Commune { get; init; }
    public required string District { get; init; }
    public required string Province { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
}

/// <summary>Relative weights of the score's parts, each 0..1; matching normalises them to sum to 1.</summary>
public sealed record MatchWeightsSnapshot
{
    public required double TextRelevance { get; init; }
    public required double CertificationStrength { get; init; }
    public required double Sustainability { get; init; }
    public required double Distance { get; init; }
    public required double Price { get; init; }
    public required double LeadTime { get; init; }
}
