namespace Matchmaking.Contracts.Agreements;

// Every agreement event names the partnership and both parties, so a consumer (the partnership view, the notification
// feed) can act on it without asking the contract service anything.

/// <summary>A cooperation agreement was drafted from an accepted partnership (version 1, not yet sent for signature).</summary>
public sealed record AgreementDrafted
{
    public required Guid AgreementId { get; init; }
    public required string AgreementNumber { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>One party changed the terms: a new version exists and signatures on older versions no longer count.</summary>
public sealed record AgreementAmended
{
    public required Guid AgreementId { get; init; }
    public required string AgreementNumber { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public required int Version { get; init; }
    public required Guid AmendedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The current version was sent to both parties for signature, to be signed before the deadline.</summary>
public sealed record AgreementSentForSignature
{
    public required Guid AgreementId { get; init; }
    public required string AgreementNumber { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset SigningDeadline { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The signing deadline is near and <see cref="OrganisationId"/> has not signed the current version yet.</summary>
public sealed record AgreementSignatureDue
{
    public required Guid AgreementId { get; init; }
    public required string AgreementNumber { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public required Guid OrganisationId { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset SigningDeadline { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>One party signed the current version.</summary>
public sealed record AgreementSigned
{
    public required Guid AgreementId { get; init; }
    public required string AgreementNumber { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public required int Version { get; init; }
    /// <summary>The party that signed (the buyer or the supplier).</summary>
    public required Guid OrganisationId { get; init; }
    /// <summary>"remote" (the platform's certificate authority) or "uploaded" (the organisation's own certificate).</summary>
    public required string Method { get; init; }
    /// <summary>SHA-256 of the signer certificate, hex.</summary>
    public required string CertificateFingerprint { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

/// <summary>Both parties signed the same version: the agreement is in force.</summary>
public sealed record AgreementActivated
{
    public required Guid AgreementId { get; init; }
    public required string AgreementNumber { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public required int Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required DateOnly EffectiveUntil { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A party ended an active agreement; it stops on <see cref="EffectiveOn"/> after the notice period.</summary>
public sealed record AgreementTerminated
{
    public required Guid AgreementId { get; init; }
    public required string AgreementNumber { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    public required Guid TerminatedBy { get; init; }
    public required string Reason { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The agreement lapsed: its term ended, or the signing deadline passed before both parties signed.</summary>
public sealed record AgreementExpired
{
    public required Guid AgreementId { get; init; }
    public required string AgreementNumber { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Guid BuyerId { get; init; }
    public required Guid SupplierId { get; init; }
    /// <summary>"term-ended" or "signing-deadline-passed".</summary>
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public static class AgreementExpiryReasons
{
    public const string TermEnded = "term-ended";
    public const string SigningDeadlinePassed = "signing-deadline-passed";
}

public static class SignatureMethods
{
    public const string Remote = "remote";
    public const string Uploaded = "uploaded";
}
