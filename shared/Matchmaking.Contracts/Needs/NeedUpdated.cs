namespace Matchmaking.Contracts.Needs;

/// <summary>An open need changed; matching re-ranks it against every product.</summary>
public sealed record NeedUpdated
{
    public required NeedSnapshot Need { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
