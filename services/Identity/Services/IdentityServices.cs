using System.Security.Claims;
using Matchmaking.Identity.Data;
using Matchmaking.Identity.Model;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Identity.Services;

/// <summary>What a new user brings: the first owner at registration, or a member an admin adds.</summary>
public sealed record NewUser(string Email, string Password, string FullName);

/// <summary>The identity service's application logic: registration, users, and who may see or manage an organisation.</summary>
public sealed class IdentityServices(IdentityDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<IdentityServices> logger)
{
    public IdentityDbContext Db { get; } = db;
    public UserManager<ApplicationUser> Users { get; } = users;
    public ILogger Logger { get; } = logger;
    /// <summary>Now, cut to PostgreSQL's microseconds, so what a response shows is what a later read returns.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = clock.GetUtcNow();
            return now.AddTicks(-(now.Ticks % 10));
        }
    }

    /// <summary>
    /// Stores the organisation, its owner, the membership and the OrganisationRegistered event in one SaveChanges
    /// (UserManager's), so either all of them exist or none do.
    /// </summary>
    public async Task<(Organisation Organisation, ApplicationUser Owner)> RegisterAsync(string kind, string legalName, string taxCode,
        Address address, Contact contact, NewUser owner, string ownerField, CancellationToken ct)
    {
        if (await Db.Organisations.AnyAsync(o => o.TaxCode == taxCode, ct))
            throw new ConflictException("An organisation with this tax code is already registered.");
        var organisation = Organisation.Register(kind, legalName, taxCode, address, contact, Now);
        var user = NewApplicationUser(owner);
        user.Memberships.Add(new Membership { Organisation = organisation, Role = OrganisationRoles.Owner, CreatedAt = Now });
        Db.Organisations.Add(organisation);
        Db.PublishOnCommit(organisation.ToRegistered());
        await CreateUserAsync(user, owner.Password, ownerField);
        Logger.OrganisationRegistered(organisation.Id, kind, user.Id);
        return (organisation, user);
    }

    public ApplicationUser NewApplicationUser(NewUser person) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = person.Email,
        Email = person.Email,
        FullName = person.FullName,
        CreatedAt = Now,
    };

    /// <summary>Creates the user (saving whatever else the context tracks), turning Identity's errors into 400s and 409s on <paramref name="field"/>.</summary>
    public async Task CreateUserAsync(ApplicationUser user, string password, string field)
    {
        var result = await Users.CreateAsync(user, password);
        if (result.Succeeded) return;
        var codes = result.Errors.Select(e => e.Code).ToHashSet();
        var describer = new IdentityErrorDescriber();
        if (codes.Contains(nameof(describer.DuplicateEmail)) || codes.Contains(nameof(describer.DuplicateUserName)))
            throw new ConflictException("A user with this email already exists.");
        var prefix = field.Length == 0 ? "" : field + ".";
        var errors = result.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? $"{prefix}password" : $"{prefix}email")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        throw new DomainValidationException(errors);
    }

    /// <summary>The user id behind a token, or null for an organisation's client (whose subject is its client id).</summary>
    public static Guid? UserIdOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(PlatformClaims.Role) != OrganisationRoles.Service && Guid.TryParse(principal.FindFirstValue(PlatformClaims.Subject), out var id)
            ? id : null;

    public static string SubjectOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(PlatformClaims.Subject) ?? throw new ForbiddenException("The access token names no subject.");

    /// <summary>The caller's own membership in the organisation, read fresh so a removed or demoted member loses access at once.</summary>
    public Task<Membership?> MembershipOfAsync(ClaimsPrincipal principal, Guid organisationId, CancellationToken ct) =>
        UserIdOf(principal) is { } userId
            ? Db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == userId, ct)
            : Task.FromResult<Membership?>(null);

    /// <summary>Members (and the organisation's own clients) and the programme office see an organisation; to anyone else it does not exist.</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal principal, Guid organisationId, CancellationToken ct) =>
        principal.IsProgrammeOffice() || principal.OrganisationIdOf() == organisationId
        || await MembershipOfAsync(principal, organisationId, ct) is not null;

    /// <summary>Only an owner or admin changes an organisation's members and clients: 404 to outsiders, 403 to other members.</summary>
    public async Task RequireManagerAsync(ClaimsPrincipal principal, Guid organisationId, CancellationToken ct)
    {
        var membership = await MembershipOfAsync(principal, organisationId, ct);
        if (membership is { CanManage: true }) return;
        if (!await CanSeeAsync(principal, organisationId, ct)) throw new NotFoundException("Organisation", organisationId);
        throw new ForbiddenException("Only an owner or admin of the organisation may do this.");
    }
}
