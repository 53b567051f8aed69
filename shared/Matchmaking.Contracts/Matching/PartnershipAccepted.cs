using Matchmaking.Contracts.Needs;

namespace Matchmaking.Contracts.Matching;

/// <summary>
/// The supplier accepted: everything the contract service needs to draft a cooperation agreement
/// without calling anyone back (parties, products with prices and volumes, delivery, dates, commitments).
/// </summary>
public sealed record PartnershipAccepted
{
    public required Guid PartnershipId { get; init; }
    public required PartySnapshot Buyer { get; init; }
    public required PartySnapshot Supplier { get; init; }
    public Guid? NeedId { get; init; }
    public string? NeedTitle { get; init; }
    public required IReadOnlyList<PartnershipProduct> Products { get; init; }
    public required DeliveryLocationSnapshot Delivery { get; init; }
    /// <summary>When supply should start: the need's needed-from date, or the acceptance date.</summary>
    public required DateOnly SupplyFrom { get; init; }
    public DateOnly? SupplyUntil { get; init; }
    public required IReadOnlyList<string> BuyerCommitments { get; init; }
    public string? BuyerMessage { get; init; }
    public required Guid AcceptedByUserId { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
}
