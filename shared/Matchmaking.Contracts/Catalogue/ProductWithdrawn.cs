namespace Matchmaking.Contracts.Catalogue;

/// <summary>A product is no longer offered; consumers drop it from search and matching.</summary>
public sealed record ProductWithdrawn
{
    public required Guid ProductId { get; init; }
    public required Guid SupplierId { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
