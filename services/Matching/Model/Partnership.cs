using Matchmaking.Contracts.Matching;
using Matchmaking.Contracts.Needs;

namespace Matchmaking.Matching.Model;

public enum PartnershipStatus { Requested, Accepted, Declined, Withdrawn, Expired }

/// <summary>
/// A buyer's request to partner with a supplier on some of its products. The products (price tier for the volume,
/// cited certificates) and the delivery point are snapshots taken at the request; only the status moves afterwards,
/// and only once: every transition is a conditional update from <see cref="PartnershipStatus.Requested"/>.
/// </summary>
public sealed class Partnership
{
    public Guid Id { get; init; }
    public Guid BuyerId { get; init; }
    public string BuyerName { get; init; } = "";
    public Guid SupplierId { get; init; }
    public string SupplierName { get; init; } = "";
    public Guid? NeedId { get; init; }
    public string? NeedTitle { get; init; }
    public Guid? MatchId { get; init; }
    public PartnershipStatus Status { get; init; }
    public List<PartnershipProduct> Products { get; init; } = [];
    public DeliveryLocationSnapshot Delivery { get; init; } = null!;
    public string? Message { get; init; }
    public string? DeclineReason { get; init; }
    public string? WithdrawReason { get; init; }
    public Guid? RequestedByUserId { get; init; }
    public Guid? AnsweredByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    /// <summary>When it left the requested state, whichever way.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    public bool IsParty(Guid organisationId) => organisationId == BuyerId || organisationId == SupplierId;
}
