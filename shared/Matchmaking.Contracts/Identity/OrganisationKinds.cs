namespace Matchmaking.Contracts.Identity;

/// <summary>The values carried in the org_kind claim and in organisation events.</summary>
public static class OrganisationKinds
{
    public const string Supplier = "supplier";
    public const string Retailer = "retailer";
    public const string ProgrammeOffice = "programme-office";

    public static readonly IReadOnlyList<string> All = [Supplier, Retailer, ProgrammeOffice];
}
