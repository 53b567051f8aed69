using Microsoft.AspNetCore.Identity;

namespace Matchmaking.Identity.Model;

/// <summary>A person who signs in; what they may do comes from their memberships, never from the user itself.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<Membership> Memberships { get; set; } = [];
}
