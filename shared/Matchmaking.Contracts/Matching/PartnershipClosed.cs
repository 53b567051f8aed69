namespace Matchmaking.Contracts.Matching;

/// <summary>The supplier declined a request, with its reason.</summary>
public sealed record PartnershipDeclined
{
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The buyer took its request back before the supplier answered.</summary>
public sealed record PartnershipWithdrawn
{
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Nobody answered the request before it expired.</summary>
public sealed record PartnershipExpired
{
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
