namespace Matchmaking.Contracts.Catalogue;

/// <summary>Renewal notice: a certificate expires within the notice period (30 days).</summary>
public sealed record CertificationExpiring
{
    public required Guid CertificateId { get; init; }
    public required Guid SupplierId { get; init; }
    public required string SchemeCode { get; init; }
    public required string Number { get; init; }
    public required DateOnly ValidUntil { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
