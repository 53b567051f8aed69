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
    /// <summary>Street and commune of the registered address, for agreements; null from older publishers.</summary>
    public string? Street { get; init; }
    public string? Commune { get; init; }
    /// <summary>The person registered as the organisation's contact, named as its representative in agreements.</summary>
    public string? Representative { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
