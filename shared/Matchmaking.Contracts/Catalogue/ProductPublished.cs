namespace Matchmaking.Contracts.Catalogue;

/// <summary>A product became visible to buyers. Version orders events for the same product.</summary>
public sealed record ProductPublished
{
    public required ProductSnapshot Product { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
