using Matchmaking.Contracts.Needs;

namespace Matchmaking.Contracts.Matching;

/// <summary>A buyer asked a supplier to partner on some of its products, from a match or a search hit.</summary>
public sealed record PartnershipRequested
{
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public Guid? NeedId { get; init; }
    public Guid? MatchId { get; init; }
    public required IReadOnlyList<PartnershipProduct> Products { get; init; }
    public required DeliveryLocationSnapshot Delivery { get; init; }
    public string? Message { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
