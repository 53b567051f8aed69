namespace Matchmaking.Catalogue.Services;

/// <summary>Recurring catalogue events. Ids only: prices, contacts and descriptions stay out of the logs.</summary>
public static partial class CatalogueLog
{
    [LoggerMessage(1001, LogLevel.Information, "Supplier profile {SupplierId} created from the caller's token before its registration event")]
    public static partial void SupplierCreatedLazily(ILogger logger, Guid supplierId);

    [LoggerMessage(1002, LogLevel.Information, "Product {ProductId} of supplier {SupplierId} is now {Status} at version {Version}")]
    public static partial void ProductStatusChanged(ILogger logger, Guid productId, Guid supplierId, string status, long version);

    [LoggerMessage(1003, LogLevel.Information, "Certificate {CertificateId} of supplier {SupplierId} registered for scheme {SchemeCode}")]
    public static partial void CertificateRegistered(ILogger logger, Guid certificateId, Guid supplierId, string schemeCode);

    [LoggerMessage(1004, LogLevel.Information, "Certificate {CertificateId} marked {State} by organisation {OrganisationId}")]
    public static partial void CertificateVerified(ILogger logger, Guid certificateId, string state, Guid organisationId);

    [LoggerMessage(1005, LogLevel.Information, "Certificate {CertificateId} status changed to {Status}; {ProductCount} published products republished")]
    public static partial void CertificateStatusChanged(ILogger logger, Guid certificateId, string status, int productCount);

    [LoggerMessage(1006, LogLevel.Information, "Certificate expiry run for {Today}: {Notices} renewal notices, {Expired} expired, {Republished} products republished")]
    public static partial void ExpiryRunCompleted(ILogger logger, DateOnly today, int notices, int expired, int republished);

    [LoggerMessage(1007, LogLevel.Warning, "Certificate expiry run failed; it will be retried at the next interval")]
    public static partial void ExpiryRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(1008, LogLevel.Information, "Supplier profile {SupplierId} updated from event {EventType}")]
    public static partial void SupplierUpdatedFromEvent(ILogger logger, Guid supplierId, string eventType);

    [LoggerMessage(1009, LogLevel.Debug, "Product {ProductId} version {Version} indexed for search: {Applied} (false when a newer version was already indexed)")]
    public static partial void ProductIndexed(ILogger logger, Guid productId, long version, bool applied);

    [LoggerMessage(1010, LogLevel.Debug, "Product {ProductId} version {Version} removed from search: {Applied}")]
    public static partial void ProductUnindexed(ILogger logger, Guid productId, long version, bool applied);

    [LoggerMessage(1011, LogLevel.Information, "Search index rebuilt from the catalogue: {Count} published products indexed")]
    public static partial void SearchIndexRebuilt(ILogger logger, int count);
}
