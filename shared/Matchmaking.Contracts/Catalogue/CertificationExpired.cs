namespace Matchmaking.Contracts.Catalogue;

/// <summary>A certificate passed its valid-until date and stopped counting for the products it covered.</summary>
public sealed record CertificationExpired
{
    public required Guid CertificateId { get; init; }
    public required Guid SupplierId { get; init; }
    public required string SchemeCode { get; init; }
    public required string Number { get; init; }
    public required DateOnly ValidUntil { get; init; }
    public required IReadOnlyList<Guid> AffectedProductIds { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
