namespace Matchmaking.Contracts.Identity;

/// <summary>An organisation joined the network. Kind is one of <see cref="OrganisationKinds"/>.</summary>
public sealed record OrganisationRegistered
{
    public required Guid OrganisationId { get; init; }
    public required string Kind { get; init; }
    public required string LegalName { get; init; }
    public required string TaxCode { get; init; }
    public required string Province { get; init; }
    public string? District { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
