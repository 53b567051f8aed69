namespace Matchmaking.Identity.Services;

/// <summary>The identity service's recurring log events: ids only, never names, emails, tax codes or contacts.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(1, LogLevel.Information, "Organisation {OrganisationId} registered as {Kind} with owner {UserId}")]
    public static partial void OrganisationRegistered(this ILogger logger, Guid organisationId, string kind, Guid userId);

    [LoggerMessage(2, LogLevel.Information, "Organisation {OrganisationId} verified by {VerifiedBy}")]
    public static partial void OrganisationVerified(this ILogger logger, Guid organisationId, string verifiedBy);

    [LoggerMessage(3, LogLevel.Information, "User {UserId} joined organisation {OrganisationId} as {Role}")]
    public static partial void MemberAdded(this ILogger logger, Guid organisationId, Guid userId, string role);

    [LoggerMessage(4, LogLevel.Information, "Client {ClientId} created for organisation {OrganisationId}")]
    public static partial void ClientCreated(this ILogger logger, Guid organisationId, string clientId);

    [LoggerMessage(5, LogLevel.Information, "Sign-in refused: {Reason}")]
    public static partial void SignInRefused(this ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Information, "Portal client {ClientId} registered with {Count} redirect URIs")]
    public static partial void PortalClientRegistered(this ILogger logger, string clientId, int count);

    [LoggerMessage(7, LogLevel.Information, "Programme office {OrganisationId} bootstrapped with owner {UserId}")]
    public static partial void ProgrammeOfficeBootstrapped(this ILogger logger, Guid organisationId, Guid userId);

    [LoggerMessage(8, LogLevel.Information, "Signature activation {TokenId} issued to user {UserId} of organisation {OrganisationId}")]
    public static partial void SignatureActivationIssued(this ILogger logger, Guid userId, Guid organisationId, string tokenId);

    [LoggerMessage(9, LogLevel.Information, "Signature activation refused to user {UserId} of organisation {OrganisationId}: {Reason}")]
    public static partial void SignatureActivationRefused(this ILogger logger, Guid userId, Guid organisationId, string reason);
}
