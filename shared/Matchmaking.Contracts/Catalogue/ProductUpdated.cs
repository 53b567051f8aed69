namespace Matchmaking.Contracts.Catalogue;

/// <summary>A published product changed, including a change of its certificates' state.</summary>
public sealed record ProductUpdated
{
    public required ProductSnapshot Product { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
