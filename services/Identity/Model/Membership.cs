using Matchmaking.ServiceDefaults;

namespace Matchmaking.Identity.Model;

/// <summary>A user's place in an organisation, with one of <see cref="OrganisationRoles"/>.</summary>
public sealed class Membership
{
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public string Role { get; set; } = OrganisationRoles.Member;
    public DateTimeOffset CreatedAt { get; set; }
    public Organisation Organisation { get; set; } = null!;
    public ApplicationUser User { get; set; } = null!;

    public bool CanManage => Role is OrganisationRoles.Owner or OrganisationRoles.Admin;
}

/// <summary>An OpenIddict confidential client that an organisation created for its own systems.</summary>
public sealed class OrganisationClient
{
    public string ClientId { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public string DisplayName { get; set; } = "";
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
