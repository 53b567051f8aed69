namespace Matchmaking.ContractSigning.Model;

/// <summary>
/// draft → awaiting-signatures → partially-signed → active → terminated | expired. An amendment before activation takes
/// a sent agreement back to awaiting-signatures; the signing deadline passing, or the term ending, expires it.
/// </summary>
public enum AgreementStatus { Draft, AwaitingSignatures, PartiallySigned, Active, Terminated, Expired }

/// <summary>The statuses as the API and the database spell them (kebab-case, like the JSON enum converter).</summary>
public static class AgreementStatuses
{
    private static readonly Dictionary<AgreementStatus, string> Names = new()
    {
        [AgreementStatus.Draft] = "draft",
        [AgreementStatus.AwaitingSignatures] = "awaiting-signatures",
        [AgreementStatus.PartiallySigned] = "partially-signed",
        [AgreementStatus.Active] = "active",
        [AgreementStatus.Terminated] = "terminated",
        [AgreementStatus.Expired] = "expired",
    };

    public static readonly IReadOnlyList<string> All = [.. Names.Values];

    public static string ToName(this AgreementStatus status) => Names[status];

    public static AgreementStatus? Parse(string? name) =>
        Names.FirstOrDefault(n => string.Equals(n.Value, name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } hit ? hit.Key : null;

    /// <summary>Waiting for one or both signatures: the states a signature, a reminder or the deadline applies to.</summary>
    public static bool IsOutForSignature(this AgreementStatus status) =>
        status is AgreementStatus.AwaitingSignatures or AgreementStatus.PartiallySigned;
}

/// <summary>Which party an organisation is in an agreement; the programme office reads as an observer.</summary>
public static class Sides
{
    public const string Buyer = "buyer";
    public const string Supplier = "supplier";
    public const string Observer = "observer";
}
