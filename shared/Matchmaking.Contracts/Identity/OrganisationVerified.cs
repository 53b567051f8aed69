namespace Matchmaking.Contracts.Identity;

/// <summary>The programme office checked an organisation's registration documents.</summary>
public sealed record OrganisationVerified
{
    public required Guid OrganisationId { get; init; }
    public required string Kind { get; init; }
    public required string LegalName { get; init; }
    public required DateTimeOffset VerifiedAt { get; init; }
}
