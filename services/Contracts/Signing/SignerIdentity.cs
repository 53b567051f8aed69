namespace Matchmaking.ContractSigning.Signing;

/// <summary>Who a platform-issued signing certificate is for.</summary>
public sealed record SignerIdentity(Guid OrganisationId, string LegalName, string TaxCode);
