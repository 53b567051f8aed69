using Matchmaking.Contracts.Matching;
using Matchmaking.Contracts.Needs;

namespace Matchmaking.Matching.Model;

/// <summary>Requested, then exactly one answer; an accepted partnership becomes contracted when its agreement is in force.</summary>
public enum PartnershipStatus { Requested, Accepted, Declined, Withdrawn, Expired, Contracted }

/// <summary>
/// A buyer's request to partner with a supplier on some of its products. The products (price tier for the volume,
/// cited certificates) and the delivery point are snapshots taken at the request; only the status moves afterwards,
/// and only once: every transition is a conditional update from <see cref="PartnershipStatus.Requested"/>. After
/// acceptance the contract service's events keep the agreement columns current (<see cref="Agreements.AgreementTracker"/>),
/// and the agreement coming into force makes it <see cref="PartnershipStatus.Contracted"/>.
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
    /// <summary>The cooperation agreement drafted from the accepted partnership, as the contract service's events tell it.</summary>
    public Guid? AgreementId { get; init; }
    public string? AgreementNumber { get; init; }
    /// <summary>One of <see cref="AgreementStatuses"/>.</summary>
    public string? AgreementStatus { get; init; }
    /// <summary>When the event that set <see cref="AgreementStatus"/> happened; an older event arriving late changes nothing.</summary>
    public DateTimeOffset? AgreementChangedAt { get; init; }
    /// <summary>When the agreement came into force (both parties signed).</summary>
    public DateTimeOffset? ContractedAt { get; init; }

    public bool IsParty(Guid organisationId) => organisationId == BuyerId || organisationId == SupplierId;
}

/// <summary>The agreement's state as matching shows it on the partnership.</summary>
public static class AgreementStatuses
{
    public const string Drafted = "drafted";
    public const string AwaitingSignatures = "awaiting-signatures";
    public const string PartiallySigned = "partially-signed";
    public const string Active = "active";
    public const string Terminated = "terminated";
    public const string Expired = "expired";

    /// <summary>Before it is in force: these may follow one another in any order (an amendment goes back to awaiting signatures).</summary>
    public static readonly string[] Open = [Drafted, AwaitingSignatures, PartiallySigned];
    /// <summary>Final: nothing moves an agreement out of these.</summary>
    public static readonly string[] Ended = [Terminated, Expired];
}
