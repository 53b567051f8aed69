namespace Matchmaking.ContractSigning.Services;

/// <summary>
/// Recurring contract events. Ids, statuses, versions and fingerprints only: terms, prices, reasons, activation tokens and
/// keys stay out of the logs.
/// </summary>
public static partial class ContractsLog
{
    [LoggerMessage(3001, LogLevel.Information, "Agreement {AgreementId} drafted from partnership {PartnershipId}")]
    public static partial void Drafted(ILogger logger, Guid agreementId, Guid partnershipId);

    [LoggerMessage(3002, LogLevel.Information, "Partnership {PartnershipId} already has an agreement; redelivery ignored")]
    public static partial void AlreadyDrafted(ILogger logger, Guid partnershipId);

    [LoggerMessage(3003, LogLevel.Information, "Agreement {AgreementId} is now {Status} at version {Version}")]
    public static partial void StatusChanged(ILogger logger, Guid agreementId, string status, int version);

    [LoggerMessage(3004, LogLevel.Information, "Agreement {AgreementId} version {Version} signed by {OrganisationId} ({Method}, certificate {Fingerprint})")]
    public static partial void Signed(ILogger logger, Guid agreementId, int version, Guid organisationId, string method, string fingerprint);

    [LoggerMessage(3005, LogLevel.Information, "Signature on agreement {AgreementId} version {Version} by {OrganisationId} refused: {Reason}")]
    public static partial void SignatureRefused(ILogger logger, Guid agreementId, int version, Guid organisationId, string reason);

    [LoggerMessage(3006, LogLevel.Information, "Certificate {CertificateId} ({Source}) of organisation {OrganisationId} recorded, fingerprint {Fingerprint}")]
    public static partial void CertificateRecorded(ILogger logger, Guid certificateId, string source, Guid organisationId, string fingerprint);

    [LoggerMessage(3007, LogLevel.Warning, "Certificate {CertificateId} of organisation {OrganisationId} revoked, fingerprint {Fingerprint}")]
    public static partial void CertificateRevoked(ILogger logger, Guid certificateId, Guid organisationId, string fingerprint);

    [LoggerMessage(3008, LogLevel.Warning, "Platform certificate authority created, fingerprint {Fingerprint}")]
    public static partial void AuthorityCreated(ILogger logger, string fingerprint);

    [LoggerMessage(3009, LogLevel.Information, "Organisation {OrganisationId} updated from its registration")]
    public static partial void OrganisationRegistered(ILogger logger, Guid organisationId);

    [LoggerMessage(3010, LogLevel.Information, "Agreement lifecycle run: {DeadlinesPassed} expired at their signing deadline, {TermsEnded} at the end of their term, {Reminders} reminders sent")]
    public static partial void LifecycleRun(ILogger logger, int deadlinesPassed, int termsEnded, int reminders);

    [LoggerMessage(3011, LogLevel.Warning, "{Job} run failed; it will be retried at the next interval")]
    public static partial void JobFailed(ILogger logger, string job, Exception exception);

    [LoggerMessage(3012, LogLevel.Warning, "Audit trail of agreement {AgreementId} is broken at entry {Sequence}")]
    public static partial void AuditChainBroken(ILogger logger, Guid agreementId, long sequence);
}
