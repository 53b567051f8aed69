using System.Security.Claims;
using Matchmaking.Identity.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Identity.Apis;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/identity/me", GetMe).WithName("GetMe").WithTags("Me").RequireAuthorization()
            .WithSummary("The signed-in user, the organisation the token speaks for and all their memberships").ProducesProblem(403);
        return app;
    }

    public static async Task<Results<Ok<MeResponse>, NotFound>> GetMe(ClaimsPrincipal user, [FromServices] IdentityServices services, CancellationToken ct)
    {
        var userId = IdentityServices.UserIdOf(user) ?? throw new ForbiddenException("The caller is an organisation's client, not a user.");
        var person = await services.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (person is null) return TypedResults.NotFound();
        var memberships = await services.Db.Memberships.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt)
            .Select(m => new MembershipResponse(m.OrganisationId, m.Organisation.LegalName, m.Organisation.Kind, m.Role, m.Organisation.VerifiedAt != null))
            .ToListAsync(ct);
        return TypedResults.Ok(new MeResponse(person.Id, person.Email ?? "", person.FullName, user.OrganisationIdOf(), memberships));
    }
}
