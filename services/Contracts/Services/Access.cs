using System.Security.Claims;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ServiceDefaults;

namespace Matchmaking.ContractSigning.Services;

/// <summary>
/// Who may do what with an agreement, from the token. Members of the two parties read; owners, admins and signers amend,
/// send and terminate; only owners and signers sign and manage certificates. The programme office reads everything and
/// writes nothing (403); any other organisation is told nothing, not even that the agreement exists (404).
/// </summary>
public static class Access
{
    public static readonly string[] Editors = [OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Signer];
    public static readonly string[] SignerRoles = [OrganisationRoles.Owner, OrganisationRoles.Signer];

    public static Guid? UserIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PlatformClaims.Subject), out var id) ? id : null;

    public static bool HasAnyRole(this ClaimsPrincipal user, IEnumerable<string> roles) => roles.Any(user.IsInRole);

    /// <summary>The agreement, if the caller may see it at all; else 404.</summary>
    public static Agreement EnsureVisibleTo(this Agreement? agreement, ClaimsPrincipal user, Guid id)
    {
        var organisationId = user.RequireOrganisation();
        if (agreement is null || !(agreement.IsParty(organisationId) || user.IsProgrammeOffice())) throw new NotFoundException("Agreement", id);
        return agreement;
    }

    /// <summary>The caller's party, if it may act on the agreement in one of <paramref name="roles"/>; else 404 or 403.</summary>
    public static Guid EnsureActingParty(this Agreement? agreement, ClaimsPrincipal user, Guid id, IReadOnlyCollection<string> roles, string action)
    {
        agreement = agreement.EnsureVisibleTo(user, id);
        if (user.IsProgrammeOffice()) throw new ForbiddenException("The programme office only reads agreements.");
        if (!user.HasAnyRole(roles)) throw new ForbiddenException($"Only a party's {string.Join(" or ", roles)} may {action}.");
        return user.RequireOrganisation();
    }

    /// <summary>The caller's organisation, if it is not the programme office and the caller is an owner or signer.</summary>
    public static Guid RequireCertificateManager(this ClaimsPrincipal user, string action)
    {
        var organisationId = user.RequireOrganisation();
        if (user.IsProgrammeOffice()) throw new ForbiddenException("The programme office holds no signing certificates.");
        if (!user.HasAnyRole(SignerRoles)) throw new ForbiddenException($"Only an owner or signer may {action}.");
        return organisationId;
    }
}
