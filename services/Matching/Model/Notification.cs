namespace Matchmaking.Matching.Model;

/// <summary>One entry in an organisation's feed; the ids link to what it is about.</summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public Guid? NeedId { get; init; }
    public Guid? ProductId { get; init; }
    public Guid? MatchId { get; init; }
    public Guid? PartnershipId { get; init; }
    public Guid? AgreementId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>What a notification points at; all optional.</summary>
public sealed record NotificationLinks(Guid? NeedId = null, Guid? ProductId = null, Guid? MatchId = null, Guid? PartnershipId = null, Guid? AgreementId = null);

public static class NotificationKinds
{
    public const string MatchesFound = "matches-found";
    public const string ProductMatched = "product-matched";
    public const string PartnershipRequested = "partnership-requested";
    public const string PartnershipAccepted = "partnership-accepted";
    public const string PartnershipDeclined = "partnership-declined";
    public const string PartnershipWithdrawn = "partnership-withdrawn";
    public const string PartnershipExpired = "partnership-expired";
    public const string AgreementDrafted = "agreement-drafted";
    public const string AgreementAmended = "agreement-amended";
    public const string AgreementSentForSignature = "agreement-sent-for-signature";
    public const string AgreementSignatureDue = "agreement-signature-due";
    public const string AgreementSigned = "agreement-signed";
    public const string AgreementActivated = "agreement-activated";
    public const string AgreementTerminated = "agreement-terminated";
    public const string AgreementExpired = "agreement-expired";
}
