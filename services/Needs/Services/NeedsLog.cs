namespace Matchmaking.Needs.Services;

/// <summary>Recurring needs events. Ids only: quantities, prices and notes stay out of the logs.</summary>
public static partial class NeedsLog
{
    [LoggerMessage(2001, LogLevel.Information, "Retailer profile {RetailerId} created from the caller's token before its registration event")]
    public static partial void RetailerCreatedLazily(ILogger logger, Guid retailerId);

    [LoggerMessage(2002, LogLevel.Information, "Need {NeedId} of retailer {RetailerId} is now {Status} at version {Version}")]
    public static partial void NeedStatusChanged(ILogger logger, Guid needId, Guid retailerId, string status, long version);

    [LoggerMessage(2003, LogLevel.Information, "Retailer profile {RetailerId} updated from event {EventType}; {NeedCount} open needs re-announced")]
    public static partial void RetailerUpdatedFromEvent(ILogger logger, Guid retailerId, string eventType, int needCount);

    [LoggerMessage(2004, LogLevel.Information, "Need expiry run for {Today}: {Expired} needs expired")]
    public static partial void ExpiryRunCompleted(ILogger logger, DateOnly today, int expired);

    [LoggerMessage(2005, LogLevel.Warning, "Need expiry run failed; it will be retried at the next interval")]
    public static partial void ExpiryRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(2006, LogLevel.Debug, "Product {ProductId} version {Version} applied to the product read model: {Applied} (false when a newer version was already there)")]
    public static partial void ProductListingApplied(ILogger logger, Guid productId, long version, bool applied);
}
