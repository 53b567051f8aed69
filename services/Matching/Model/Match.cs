namespace Matchmaking.Matching.Model;

/// <summary>
/// A product that qualifies for a need, with the score snapshot the buyer saw: each criterion's part, the reasons, the
/// soft criteria missed, the versions it was computed from and when. Written set-based by the engine (raw SQL), read
/// through EF. The id stays the same while the product keeps qualifying, so links to it survive a rematch.
/// </summary>
public sealed class Match
{
    public Guid Id { get; init; }
    public Guid NeedId { get; init; }
    public Guid ProductId { get; init; }
    public Guid SupplierId { get; init; }
    public Guid RetailerId { get; init; }
    /// <summary>open, or closed once the need closed (kept as history).</summary>
    public string Status { get; init; } = MatchStatuses.Open;
    public double Score { get; init; }
    public List<ScorePart> Breakdown { get; init; } = [];
    public List<string> Reasons { get; init; } = [];
    public List<string> Misses { get; init; } = [];
    public ProductSummary ProductSummary { get; init; } = null!;
    public NeedSummary NeedSummary { get; init; } = null!;
    public long UnitPriceVnd { get; init; }
    public double DistanceKm { get; init; }
    public long ProductVersion { get; init; }
    public long NeedVersion { get; init; }
    /// <summary>The day certificates were judged on.</summary>
    public DateOnly MatchedOn { get; init; }
    public DateTimeOffset ComputedAt { get; init; }
    /// <summary>When the product first qualified for the need.</summary>
    public DateTimeOffset FoundAt { get; init; }
}

public static class MatchStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";
}

/// <summary>One criterion's part of a score: its value 0..1, its normalised weight and value × weight.</summary>
public sealed record ScorePart(string Criterion, double Value, double Weight, double Contribution);

/// <summary>What a match shows of the product, copied from the read model when the match is computed.</summary>
public sealed record ProductSummary(
    Guid ProductId, string NameVi, string? NameEn, Guid SupplierId, string SupplierName, bool SupplierVerified, string Category,
    string Unit, string Packaging, int LeadTimeDays, long MinimumOrderQuantity, long MonthlyCapacity,
    string? CraftVillage, string District, string Province, string? ImageUrl);

/// <summary>What a match shows of the need, copied from the read model when the match is computed.</summary>
public sealed record NeedSummary(
    Guid NeedId, string Title, Guid RetailerId, string RetailerName, string Category, long QuantityPerMonth, string Unit,
    long? MaxUnitPriceVnd, string DeliveryName, string DeliveryDistrict, string DeliveryProvince, DateOnly NeededFrom, DateOnly? ValidUntil);
