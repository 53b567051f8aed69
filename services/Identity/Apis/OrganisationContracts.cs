using System.ComponentModel.DataAnnotations;
using Matchmaking.Identity.Model;

namespace Matchmaking.Identity.Apis;

/// <summary>The rules a request must pass before anything is looked up.</summary>
public static class Rules
{
    /// <summary>Mã số thuế: 10 digits, or 10 digits, a hyphen and 3 digits for a branch. [0-9], not \d, which accepts any Unicode digit.</summary>
    public const string TaxCode = "^[0-9]{10}(-[0-9]{3})?$";
    public const string TaxCodeMessage = "A tax code is 10 digits, or 10 digits, a hyphen and 3 digits (for example 0101234567 or 0101234567-001).";
    public const string Phone = @"^\+?[0-9][0-9 .\-]{6,18}[0-9]$";
    public const string PhoneMessage = "A phone number is 8 to 20 digits, optionally with a leading + and spaces, dots or hyphens.";
}

public sealed record AddressRequest(
    [Required, StringLength(300)] string? Street,
    [Required, StringLength(100)] string? Commune,
    [Required, StringLength(100)] string? District,
    [Required, StringLength(100)] string? Province);

public sealed record ContactRequest(
    [Required, StringLength(200)] string? Name,
    [Required, EmailAddress, StringLength(256)] string? Email,
    [Required, RegularExpression(Rules.Phone, ErrorMessage = Rules.PhoneMessage)] string? Phone);

public sealed record OwnerRequest(
    [Required, EmailAddress, StringLength(256)] string? Email,
    [Required, StringLength(128, MinimumLength = 8)] string? Password,
    [Required, StringLength(200)] string? FullName);

public sealed record RegisterOrganisationRequest(
    [Required] OrganisationKind? Kind,
    [Required, StringLength(300, MinimumLength = 2)] string? LegalName,
    [Required, RegularExpression(Rules.TaxCode, ErrorMessage = Rules.TaxCodeMessage)] string? TaxCode,
    [Required] AddressRequest? Address,
    [Required] ContactRequest? Contact,
    [Required] OwnerRequest? Owner);

public sealed record RegisteredResponse(Guid OrganisationId, Guid UserId);

public sealed record MemberResponse(Guid UserId, string Email, string FullName, string Role, DateTimeOffset Since)
{
    public static MemberResponse From(Membership m) => new(m.UserId, m.User.Email ?? "", m.User.FullName, m.Role, m.CreatedAt);
}

public sealed record OrganisationResponse(
    Guid Id, string Kind, string LegalName, string TaxCode, Address Address, Contact Contact,
    DateTimeOffset RegisteredAt, bool Verified, DateTimeOffset? VerifiedAt, IReadOnlyList<MemberResponse> Members)
{
    public static OrganisationResponse From(Organisation o) => new(
        o.Id, o.Kind, o.LegalName, o.TaxCode, o.Address, o.Contact, o.RegisteredAt, o.Verified, o.VerifiedAt,
        o.Memberships.OrderBy(m => m.CreatedAt).Select(MemberResponse.From).ToList());
}

public sealed record OrganisationSummary(Guid Id, string Kind, string LegalName, string TaxCode, string Province, string District,
    DateTimeOffset RegisteredAt, bool Verified);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public sealed record AddMemberRequest(
    [Required, EmailAddress, StringLength(256)] string? Email,
    [Required] MemberRole? Role,
    // Needed only when the email belongs to nobody yet: the user is then created with them.
    [StringLength(200)] string? FullName,
    [StringLength(128, MinimumLength = 8)] string? Password);

public sealed record CreateClientRequest([Required, StringLength(200)] string? DisplayName);

/// <summary>The secret is shown once and stored only as a hash; lose it and create another client.</summary>
public sealed record ClientCreatedResponse(string ClientId, string ClientSecret, Guid OrganisationId, string DisplayName);

public sealed record MembershipResponse(Guid OrganisationId, string LegalName, string Kind, string Role, bool Verified);

public sealed record MeResponse(Guid UserId, string Email, string FullName, Guid? CurrentOrganisationId, IReadOnlyList<MembershipResponse> Memberships);
