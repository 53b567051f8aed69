namespace Matchmaking.Contracts.Needs;

/// <summary>A retailer opened a sourcing need to suppliers. Version orders events for the same need.</summary>
public sealed record NeedPosted
{
    public required NeedSnapshot Need { get; init; }
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
