namespace Matchmaking.Contracts.Needs;

/// <summary>A need stopped taking matches: the retailer closed it, or it passed its valid-until date.</summary>
public sealed record NeedClosed
{
    public required Guid NeedId { get; init; }
    public required Guid RetailerId { get; init; }
    /// <summary>closed or expired.</summary>
    public required string Reason { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
