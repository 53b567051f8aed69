namespace Matchmaking.Matching.Services;

/// <summary>Recurring matching events. Ids and counts only: prices, contacts and messages stay out of the logs.</summary>
public static partial class MatchingLog
{
    [LoggerMessage(2001, LogLevel.Information,
        "Matched {Trigger} {Id}: {Candidates} candidates, {Qualified} qualified, {Added} new, {Updated} kept, {Removed} removed in {ElapsedMs:0.0} ms")]
    public static partial void Computed(ILogger logger, string trigger, Guid id, int candidates, int qualified, int added, int updated, int removed, double elapsedMs);

    [LoggerMessage(2002, LogLevel.Debug, "{Kind} {Id} version {Version} applied to the read model: {Applied} (false when a newer version was already there)")]
    public static partial void ReadModelApplied(ILogger logger, string kind, Guid id, long version, bool applied);

    [LoggerMessage(2003, LogLevel.Information, "Organisation {OrganisationId} updated from event {EventType}")]
    public static partial void OrganisationUpdatedFromEvent(ILogger logger, Guid organisationId, string eventType);

    [LoggerMessage(2004, LogLevel.Information, "Partnership {PartnershipId} between buyer {BuyerId} and supplier {SupplierId} is now {Status}")]
    public static partial void PartnershipChanged(ILogger logger, Guid partnershipId, Guid buyerId, Guid supplierId, string status);

    [LoggerMessage(2005, LogLevel.Information, "Revalidation run for {Today}: {Products} products rematched")]
    public static partial void RevalidationCompleted(ILogger logger, DateOnly today, int products);

    [LoggerMessage(2006, LogLevel.Warning, "{Job} run failed; it will be retried at the next interval")]
    public static partial void JobFailed(ILogger logger, string job, Exception exception);

    [LoggerMessage(2007, LogLevel.Information, "Partnership expiry run: {Expired} requests expired")]
    public static partial void ExpiryCompleted(ILogger logger, int expired);

    [LoggerMessage(2008, LogLevel.Information, "Organisation {OrganisationId} opened from the caller's token before its registration event")]
    public static partial void OrganisationOpenedLazily(ILogger logger, Guid organisationId);

    [LoggerMessage(2009, LogLevel.Information,
        "Agreement {AgreementId} {Step} for partnership {PartnershipId}: partnership updated {Applied} (not when unknown here, a newer state is shown or the step changes no state), {Entries} feed entries")]
    public static partial void AgreementEventApplied(ILogger logger, Guid agreementId, string step, Guid partnershipId, bool applied, int entries);
}
