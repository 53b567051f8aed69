using System.Security.Claims;
using Matchmaking.Contracts.Identity;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.ReadModels;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Matching.Apis;

/// <summary>
/// Ranked, explained matches. A need's matches are its retailer's (and the programme office's, read-only); a match is
/// seen by both its parties. Anyone else gets 404, as if it did not exist.
/// </summary>
public static class MatchesApi
{
    public static IEndpointRouteBuilder MapMatchesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching").WithTags("Matches").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);

        api.MapGet("/needs/{needId:guid}/matches", ListNeedMatches).WithName("ListNeedMatches")
            .WithSummary("A need's matches, best first, each with its score breakdown, reasons and misses").ProducesValidationProblem().ProducesProblem(404);
        api.MapGet("/matches", ListMyMatches).WithName("ListMyMatches")
            .WithSummary("Suppliers: the open needs their products match; retailers: their matches across needs").ProducesValidationProblem();
        api.MapGet("/matches/{id:guid}", GetMatch).WithName("GetMatch").WithSummary("A match, to either party").ProducesProblem(404);
        return app;
    }

    public static async Task<Ok<PagedResponse<MatchResponse>>> ListNeedMatches(Guid needId, [AsParameters] PageQuery query, ClaimsPrincipal user,
        [FromServices] MatchingDbContext db, [FromServices] ReadModelReader readModels, CancellationToken ct)
    {
        var (page, pageSize) = Paging.Check(query.Page, query.PageSize);
        var organisationId = user.RequireOrganisation();
        var need = await readModels.NeedAsync(needId, ct);
        if (need is null || (need.RetailerId != organisationId && !user.IsProgrammeOffice())) throw new NotFoundException("Need", needId);
        return TypedResults.Ok(await PageAsync(db.Matches.Where(m => m.NeedId == needId), page, pageSize, ct));
    }

    public static async Task<Ok<PagedResponse<MatchResponse>>> ListMyMatches([AsParameters] PageQuery query, ClaimsPrincipal user,
        [FromServices] MatchingDbContext db, CancellationToken ct)
    {
        var (page, pageSize) = Paging.Check(query.Page, query.PageSize);
        var organisationId = user.RequireOrganisation();
        var open = db.Matches.Where(m => m.Status == MatchStatuses.Open);
        var matches = user.OrganisationKindOf() switch
        {
            OrganisationKinds.Supplier => open.Where(m => m.SupplierId == organisationId),
            OrganisationKinds.Retailer => open.Where(m => m.RetailerId == organisationId),
            OrganisationKinds.ProgrammeOffice => open,
            _ => open.Where(_ => false),
        };
        return TypedResults.Ok(await PageAsync(matches, page, pageSize, ct));
    }

    public static async Task<Ok<MatchResponse>> GetMatch(Guid id, ClaimsPrincipal user, [FromServices] MatchingDbContext db, CancellationToken ct)
    {
        var organisationId = user.RequireOrganisation();
        var match = await db.Matches.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (match is null || (match.RetailerId != organisationId && match.SupplierId != organisationId && !user.IsProgrammeOffice()))
            throw new NotFoundException("Match", id);
        return TypedResults.Ok(MatchResponse.From(match));
    }

    private static async Task<PagedResponse<MatchResponse>> PageAsync(IQueryable<Match> matches, int page, int pageSize, CancellationToken ct)
    {
        var total = await matches.LongCountAsync(ct);
        var items = await matches.AsNoTracking().OrderByDescending(m => m.Score).ThenBy(m => m.ProductId).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResponse<MatchResponse>([.. items.Select(MatchResponse.From)], page, pageSize, total);
    }
}
