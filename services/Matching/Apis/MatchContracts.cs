using Matchmaking.Matching.Model;

namespace Matchmaking.Matching.Apis;

public sealed record PageQuery(string? Page, string? PageSize);

public sealed record ScorePartResponse(string Criterion, double Value, double Weight, double Contribution);

public sealed record MatchProductResponse(
    Guid Id, string NameVi, string? NameEn, Guid SupplierId, string SupplierName, bool SupplierVerified, string? CraftVillage,
    string District, string Province, string Unit, long UnitPriceVnd, double DistanceKm, string Packaging, int LeadTimeDays,
    long MinimumOrderQuantity, long MonthlyCapacity, string? ImageUrl);

public sealed record MatchNeedResponse(
    Guid Id, string Title, Guid RetailerId, string RetailerName, string Category, long QuantityPerMonth, string Unit, long? MaxUnitPriceVnd,
    string DeliveryName, string DeliveryDistrict, string DeliveryProvince, DateOnly NeededFrom, DateOnly? ValidUntil);

/// <summary>
/// A ranked match with its score snapshot: each criterion's part, the reasons, the soft criteria missed, and the day and
/// versions it was computed from, so what the buyer saw can be audited later.
/// </summary>
public sealed record MatchResponse(
    Guid Id, string Status, double Score, IReadOnlyList<ScorePartResponse> Breakdown, IReadOnlyList<string> Reasons, IReadOnlyList<string> Misses,
    MatchProductResponse Product, MatchNeedResponse Need, long ProductVersion, long NeedVersion, DateOnly MatchedOn, DateTimeOffset ComputedAt,
    DateTimeOffset FoundAt)
{
    public static MatchResponse From(Match m)
    {
        var (p, n) = (m.ProductSummary, m.NeedSummary);
        return new MatchResponse(
            m.Id, m.Status, m.Score, [.. m.Breakdown.Select(b => new ScorePartResponse(b.Criterion, b.Value, b.Weight, b.Contribution))],
            m.Reasons, m.Misses,
            new MatchProductResponse(m.ProductId, p.NameVi, p.NameEn, m.SupplierId, p.SupplierName, p.SupplierVerified, p.CraftVillage,
                p.District, p.Province, p.Unit, m.UnitPriceVnd, m.DistanceKm, p.Packaging, p.LeadTimeDays, p.MinimumOrderQuantity,
                p.MonthlyCapacity, p.ImageUrl),
            new MatchNeedResponse(m.NeedId, n.Title, m.RetailerId, n.RetailerName, n.Category, n.QuantityPerMonth, n.Unit, n.MaxUnitPriceVnd,
                n.DeliveryName, n.DeliveryDistrict, n.DeliveryProvince, n.NeededFrom, n.ValidUntil),
            m.ProductVersion, m.NeedVersion, m.MatchedOn, m.ComputedAt, m.FoundAt);
    }
}

public sealed record NotificationsQuery(string? UnreadOnly, string? Page, string? PageSize);

public sealed record NotificationResponse(
    Guid Id, string Kind, string Title, string Body, Guid? NeedId, Guid? ProductId, Guid? MatchId, Guid? PartnershipId, Guid? AgreementId,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationResponse From(Notification n) =>
        new(n.Id, n.Kind, n.Title, n.Body, n.NeedId, n.ProductId, n.MatchId, n.PartnershipId, n.AgreementId, n.CreatedAt, n.ReadAt);
}

public sealed record ReadAllResponse(int Marked);
