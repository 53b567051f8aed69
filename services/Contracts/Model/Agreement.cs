using Matchmaking.ServiceDefaults;

namespace Matchmaking.ContractSigning.Model;

/// <summary>
/// A cooperation agreement between a buyer and a supplier, drafted from their accepted partnership. Its versions hold the
/// terms and the signed bytes; this row holds where it stands and the head of its audit chain. Every change happens under
/// a row lock (SELECT … FOR UPDATE), so the transitions below check the state that is really current.
/// </summary>
public sealed class Agreement
{
    /// <summary>The previous hash of an agreement's first audit entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public Guid Id { get; init; }
    public required string Number { get; init; }
    public Guid PartnershipId { get; init; }
    public Guid BuyerId { get; init; }
    public required string BuyerName { get; init; }
    public Guid SupplierId { get; init; }
    public required string SupplierName { get; init; }
    public AgreementStatus Status { get; private set; }
    public int CurrentVersion { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? SigningDeadline { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    /// <summary>The last day of the signed version's term, copied at activation for the term-expiry job.</summary>
    public DateOnly? EffectiveUntil { get; private set; }
    public DateTimeOffset? TerminatedAt { get; private set; }
    public Guid? TerminatedBy { get; private set; }
    public string? TerminationReason { get; private set; }
    public DateOnly? TerminationEffectiveOn { get; private set; }
    public DateTimeOffset? ExpiredAt { get; private set; }
    public string? ExpiryReason { get; private set; }
    /// <summary>Sequence and hash of the last audit entry: appends continue from here, and verification ends here.</summary>
    public long AuditSequence { get; private set; }
    public string AuditHead { get; private set; } = GenesisHash;

    public static Agreement Draft(Guid id, string number, Guid partnershipId, AgreementParty buyer, AgreementParty supplier, DateTimeOffset now) => new()
    {
        Id = id, Number = number, PartnershipId = partnershipId,
        BuyerId = buyer.OrganisationId, BuyerName = buyer.LegalName, SupplierId = supplier.OrganisationId, SupplierName = supplier.LegalName,
        Status = AgreementStatus.Draft, CurrentVersion = 1, CreatedAt = now, UpdatedAt = now,
    };

    public bool IsParty(Guid organisationId) => organisationId == BuyerId || organisationId == SupplierId;

    public string SideOf(Guid organisationId) =>
        organisationId == BuyerId ? Sides.Buyer : organisationId == SupplierId ? Sides.Supplier : Sides.Observer;

    public Guid OtherParty(Guid organisationId) => organisationId == BuyerId ? SupplierId : BuyerId;

    /// <summary>A new version based on the current one; a sent agreement goes back to waiting for both signatures.</summary>
    public int Amend(int basedOnVersion, DateTimeOffset now)
    {
        EnsureAmendable(basedOnVersion);
        CurrentVersion++;
        if (Status == AgreementStatus.PartiallySigned) Status = AgreementStatus.AwaitingSignatures;
        UpdatedAt = now;
        return CurrentVersion;
    }

    /// <summary>Throws unless a new version based on <paramref name="basedOnVersion"/> can be made now.</summary>
    public void EnsureAmendable(int basedOnVersion)
    {
        if (Status is not (AgreementStatus.Draft or AgreementStatus.AwaitingSignatures or AgreementStatus.PartiallySigned))
            throw new ConflictException($"An agreement that is {Status.ToName()} can no longer be amended.");
        if (basedOnVersion != CurrentVersion)
            throw new ConflictException($"Version {basedOnVersion} is not the current version ({CurrentVersion}); reload the agreement and amend that.");
    }

    public void SendForSignature(int version, DateTimeOffset now, TimeSpan signingPeriod)
    {
        if (Status != AgreementStatus.Draft) throw new ConflictException($"The agreement was already sent for signature (it is {Status.ToName()}).");
        RequireCurrent(version);
        (Status, SentAt, SigningDeadline, UpdatedAt) = (AgreementStatus.AwaitingSignatures, now, now + signingPeriod, now);
    }

    /// <summary>Throws unless a signature on <paramref name="version"/> can be accepted now.</summary>
    public void EnsureSignable(int version, DateTimeOffset now)
    {
        if (!Status.IsOutForSignature())
            throw new ConflictException(Status == AgreementStatus.Draft
                ? "The agreement has not been sent for signature yet."
                : $"An agreement that is {Status.ToName()} takes no more signatures.");
        RequireCurrent(version);
        if (SigningDeadline <= now) throw new ConflictException($"The signing deadline passed at {SigningDeadline:u}.");
    }

    /// <summary>One party signed the current version: partially signed, or active when the other party already had.</summary>
    public bool RecordSignature(bool otherPartySigned, DateOnly effectiveUntil, DateTimeOffset now)
    {
        UpdatedAt = now;
        if (!otherPartySigned)
        {
            Status = AgreementStatus.PartiallySigned;
            return false;
        }
        (Status, ActivatedAt, EffectiveUntil) = (AgreementStatus.Active, now, effectiveUntil);
        return true;
    }

    public void Terminate(Guid by, string reason, DateOnly effectiveOn, DateTimeOffset now)
    {
        if (Status != AgreementStatus.Active) throw new ConflictException($"Only an active agreement can be terminated; this one is {Status.ToName()}.");
        (Status, TerminatedAt, TerminatedBy, TerminationReason, TerminationEffectiveOn, UpdatedAt) =
            (AgreementStatus.Terminated, now, by, reason, effectiveOn, now);
    }

    public bool SigningDeadlinePassed(DateTimeOffset now) => Status.IsOutForSignature() && SigningDeadline <= now;

    public bool TermEnded(DateOnly today) => Status == AgreementStatus.Active && EffectiveUntil < today;

    public void Expire(string reason, DateTimeOffset now) => (Status, ExpiredAt, ExpiryReason, UpdatedAt) = (AgreementStatus.Expired, now, reason, now);

    public void AdvanceAudit(long sequence, string hash) => (AuditSequence, AuditHead) = (sequence, hash);

    private void RequireCurrent(int version)
    {
        if (version != CurrentVersion)
            throw new ConflictException($"Version {version} was superseded by version {CurrentVersion}; only the current version can be sent or signed.");
    }
}
