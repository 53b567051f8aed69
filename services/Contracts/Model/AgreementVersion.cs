namespace Matchmaking.ContractSigning.Model;

/// <summary>
/// One version of an agreement's terms and the PDF rendered from them, once. The stored bytes are what both parties
/// sign, what they download and what every verification hashes; nothing is ever re-rendered. Never changes once written.
/// </summary>
public sealed class AgreementVersion
{
    public Guid AgreementId { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The party that proposed this version; null for the platform's draft from the accepted partnership.</summary>
    public Guid? CreatedByOrganisationId { get; init; }
    public Guid? CreatedByUserId { get; init; }
    public int? BasedOnVersion { get; init; }
    public required AgreementTerms Terms { get; init; }
    public required byte[] Document { get; init; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Document"/>.</summary>
    public required string DocumentSha256 { get; init; }

    public AgreementParty PartyOf(string side) => side == Sides.Buyer ? Terms.Buyer : Terms.Supplier;
}
