namespace Matchmaking.ContractSigning.Model;

/// <summary>
/// One step in an agreement's life, chained to the one before by hash. The table refuses UPDATE and DELETE (a trigger
/// created by the Initial migration), so entries are only ever appended.
/// </summary>
public sealed class AuditEntry
{
    public Guid AgreementId { get; init; }
    public long Sequence { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Action { get; init; }
    public Guid? ActorUserId { get; init; }
    public Guid? ActorOrganisationId { get; init; }
    public int Version { get; init; }
    /// <summary>Certificate fingerprint, IP address, user agent, method, reason…: text values only, so the hash is canonical.</summary>
    public required IReadOnlyDictionary<string, string> Details { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}

public static class AuditActions
{
    public const string Drafted = "drafted";
    public const string Viewed = "viewed";
    public const string Amended = "amended";
    public const string SentForSignature = "sent-for-signature";
    public const string Signed = "signed";
    public const string Activated = "activated";
    public const string Terminated = "terminated";
    public const string Expired = "expired";
}
