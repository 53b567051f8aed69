using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Matchmaking.Identity.Model;
using Matchmaking.Identity.Services;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Identity.Apis;

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/organisations").WithTags("Organisations");

        api.MapPost("/", Register).WithName("RegisterOrganisation").AllowAnonymous()
            .WithSummary("Register a supplier or retailer with its first user, who becomes its owner")
            .ProducesValidationProblem().ProducesProblem(409);
        api.MapGet("/", ListOrganisations).WithName("ListOrganisations").RequireAuthorization()
            .WithSummary("Programme office: organisations, oldest first, filtered by verification (the verification queue)").ProducesProblem(403);
        api.MapGet("/{id:guid}", GetOrganisation).WithName("GetOrganisation").RequireAuthorization()
            .WithSummary("An organisation with its members, for its members and the programme office").ProducesProblem(404);
        api.MapPost("/{id:guid}/verification", Verify).WithName("VerifyOrganisation").RequireAuthorization()
            .WithSummary("Programme office: mark an organisation verified (idempotent)").ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    public static async Task<Created<RegisteredResponse>> Register(RegisterOrganisationRequest request,
        [FromServices] IdentityServices services, CancellationToken ct)
    {
        // The programme office is created once, by the bootstrap; nobody can register as it.
        if (request.Kind is OrganisationKind.ProgrammeOffice)
            throw new DomainValidationException("kind", "Only a supplier or a retailer can register.");
        var (a, c, o) = (request.Address!, request.Contact!, request.Owner!);
        var (organisation, owner) = await services.RegisterAsync(request.Kind!.Value.ToContract(), request.LegalName!.Trim(), request.TaxCode!,
            new Address(a.Street!.Trim(), a.Commune!.Trim(), a.District!.Trim(), a.Province!.Trim()),
            new Contact(c.Name!.Trim(), c.Email!.Trim(), c.Phone!.Trim()),
            new NewUser(o.Email!.Trim(), o.Password!, o.FullName!.Trim()), "owner", ct);
        return TypedResults.Created($"/api/identity/organisations/{organisation.Id}", new RegisteredResponse(organisation.Id, owner.Id));
    }

    public static async Task<Ok<Page<OrganisationSummary>>> ListOrganisations(ClaimsPrincipal user, [FromServices] IdentityServices services,
        bool? verified, [Range(1, int.MaxValue)] int? page, [Range(1, 100)] int? pageSize, CancellationToken ct)
    {
        if (!user.IsProgrammeOffice()) throw new ForbiddenException("Only the programme office lists organisations.");
        var (number, size) = (page ?? 1, pageSize ?? 20);
        var query = services.Db.Organisations.AsNoTracking();
        if (verified is { } v) query = v ? query.Where(o => o.VerifiedAt != null) : query.Where(o => o.VerifiedAt == null);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.RegisteredAt).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size)
            .Select(o => new OrganisationSummary(o.Id, o.Kind, o.LegalName, o.TaxCode, o.Address.Province, o.Address.District,
                o.RegisteredAt, o.VerifiedAt != null))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<OrganisationSummary>(items, number, size, total));
    }

    public static async Task<Results<Ok<OrganisationResponse>, NotFound>> GetOrganisation(Guid id, ClaimsPrincipal user,
        [FromServices] IdentityServices services, CancellationToken ct)
    {
        // Outsiders get the same 404 as for an id that does not exist, so ids cannot be probed.
        if (!await services.CanSeeAsync(user, id, ct)) return TypedResults.NotFound();
        var organisation = await services.Db.Organisations.AsNoTracking().Include(o => o.Memberships).ThenInclude(m => m.User)
            .SingleOrDefaultAsync(o => o.Id == id, ct);
        return organisation is null ? TypedResults.NotFound() : TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    public static async Task<Results<Ok<OrganisationResponse>, NotFound>> Verify(Guid id, ClaimsPrincipal user,
        [FromServices] IdentityServices services, CancellationToken ct)
    {
        if (!user.IsProgrammeOffice()) throw new ForbiddenException("Only the programme office verifies organisations.");
        var organisation = await services.Db.Organisations.Include(o => o.Memberships).ThenInclude(m => m.User)
            .SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return TypedResults.NotFound();
        var by = IdentityServices.SubjectOf(user);
        if (organisation.Verify(by, services.Now))
        {
            services.Db.PublishOnCommit(organisation.ToVerified());
            await services.Db.SaveChangesAsync(ct);
            services.Logger.OrganisationVerified(organisation.Id, by);
        }
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }
}
