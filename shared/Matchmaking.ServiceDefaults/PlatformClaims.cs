using System.Security.Claims;

namespace Matchmaking.ServiceDefaults;

/// <summary>The claims the identity service puts in access tokens and every service reads.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string OrganisationId = "org_id";
    public const string OrganisationKind = "org_kind";
    public const string Role = "role";
    public const string Name = "name";

    public static Guid? OrganisationIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganisationId), out var id) ? id : null;

    public static string? OrganisationKindOf(this ClaimsPrincipal user) => user.FindFirstValue(OrganisationKind);

    public static bool IsProgrammeOffice(this ClaimsPrincipal user) =>
        user.OrganisationKindOf() == Contracts.Identity.OrganisationKinds.ProgrammeOffice;

    /// <summary>The caller's organisation, or a 403 when the token carries none (for example a bare user).</summary>
    public static Guid RequireOrganisation(this ClaimsPrincipal user) =>
        user.OrganisationIdOf() ?? throw new ForbiddenException("The access token names no organisation.");
}

/// <summary>Roles a member holds inside an organisation.</summary>
public static class OrganisationRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";
    public const string Signer = "signer";
    public const string Service = "service";
}
