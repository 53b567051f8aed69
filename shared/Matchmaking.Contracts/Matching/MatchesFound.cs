namespace Matchmaking.Contracts.Matching;

/// <summary>
/// Products newly qualified for a need: from matching a posted or changed need against every product
/// (Trigger "need"), or a published or changed product against every open need (Trigger "product").
/// </summary>
public sealed record MatchesFound
{
    public required Guid NeedId { get; init; }
    public required Guid RetailerId { get; init; }
    public required string NeedTitle { get; init; }
    /// <summary>need or product.</summary>
    public required string Trigger { get; init; }
    public required IReadOnlyList<FoundMatch> Matches { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record FoundMatch(Guid MatchId, Guid ProductId, Guid SupplierId, string ProductName, double Score);
