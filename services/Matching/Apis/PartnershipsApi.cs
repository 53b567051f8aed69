using System.Security.Claims;
using Matchmaking.Contracts.Identity;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Partnerships;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Matching.Apis;

/// <summary>
/// Partnership requests: retailers request and withdraw, suppliers accept or decline, each exactly once (a second answer
/// gets 409). The two parties and the programme office (read-only) see a request; anyone else gets 404.
/// </summary>
public static class PartnershipsApi
{
    public static IEndpointRouteBuilder MapPartnershipsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching/partnerships").WithTags("Partnerships").RequireAuthorization()
            .ProducesProblem(401).ProducesProblem(403);

        api.MapPost("/", RequestPartnership).WithName("RequestPartnership")
            .WithSummary("Retailers: ask a supplier to partner on some of its products, from a match, a need or a search hit")
            .ProducesValidationProblem().ProducesProblem(409);
        api.MapGet("/", ListPartnerships).WithName("ListPartnerships")
            .WithSummary("The caller's requests as buyer or supplier, newest first, optionally by status").ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetPartnership).WithName("GetPartnership").WithSummary("A request, to its two parties").ProducesProblem(404);
        api.MapPost("/{id:guid}/accept", AcceptPartnership).WithName("AcceptPartnership")
            .WithSummary("Supplier: accept; the contract service drafts the agreement from the event").ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/decline", DeclinePartnership).WithName("DeclinePartnership")
            .WithSummary("Supplier: decline, with a reason").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/withdraw", WithdrawPartnership).WithName("WithdrawPartnership")
            .WithSummary("Buyer: take the request back before it is answered").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static async Task<Created<PartnershipResponse>> RequestPartnership(RequestPartnershipRequest request, ClaimsPrincipal user,
        [FromServices] PartnershipService partnerships, CancellationToken ct)
    {
        var partnership = await partnerships.RequestAsync(user, request, ct);
        return TypedResults.Created($"/api/matching/partnerships/{partnership.Id}", PartnershipResponse.From(partnership));
    }

    public static async Task<Ok<PagedResponse<PartnershipResponse>>> ListPartnerships([AsParameters] ListPartnershipsQuery query, ClaimsPrincipal user,
        [FromServices] MatchingDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var side = query.Side ?? (user.OrganisationKindOf() == OrganisationKinds.Supplier ? "supplier" : "buyer");
        if (side is not ("buyer" or "supplier")) errors["side"] = ["The side is buyer or supplier."];
        PartnershipStatus? status = null;
        if (query.Status is not null)
        {
            status = Enum.GetValues<PartnershipStatus>().Cast<PartnershipStatus?>().FirstOrDefault(s => s.ToString()!.Equals(query.Status, StringComparison.OrdinalIgnoreCase));
            if (status is null) errors["status"] = ["The status is requested, accepted, declined, withdrawn, expired or contracted."];
        }
        var (page, pageSize) = Paging.Check(query.Page, query.PageSize, errors);
        var organisationId = user.RequireOrganisation();

        var partnerships = db.Partnerships.AsNoTracking();
        // The programme office reads every request unless it names a side, which would be its own (none).
        if (!user.IsProgrammeOffice() || query.Side is not null)
            partnerships = side == "supplier" ? partnerships.Where(p => p.SupplierId == organisationId) : partnerships.Where(p => p.BuyerId == organisationId);
        if (status is { } s) partnerships = partnerships.Where(p => p.Status == s);
        var total = await partnerships.LongCountAsync(ct);
        var items = await partnerships.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResponse<PartnershipResponse>([.. items.Select(PartnershipResponse.From)], page, pageSize, total));
    }

    public static async Task<Ok<PartnershipResponse>> GetPartnership(Guid id, ClaimsPrincipal user, [FromServices] PartnershipService partnerships,
        CancellationToken ct) =>
        TypedResults.Ok(PartnershipResponse.From(await partnerships.FindVisibleAsync(user, id, ct)));

    public static async Task<Ok<PartnershipResponse>> AcceptPartnership(Guid id, ClaimsPrincipal user, [FromServices] PartnershipService partnerships,
        CancellationToken ct) =>
        TypedResults.Ok(PartnershipResponse.From(await partnerships.AcceptAsync(user, id, ct)));

    public static async Task<Ok<PartnershipResponse>> DeclinePartnership(Guid id, DeclinePartnershipRequest request, ClaimsPrincipal user,
        [FromServices] PartnershipService partnerships, CancellationToken ct) =>
        TypedResults.Ok(PartnershipResponse.From(await partnerships.DeclineAsync(user, id, request.Reason!, ct)));

    public static async Task<Ok<PartnershipResponse>> WithdrawPartnership(Guid id, WithdrawPartnershipRequest? request, ClaimsPrincipal user,
        [FromServices] PartnershipService partnerships, CancellationToken ct) =>
        TypedResults.Ok(PartnershipResponse.From(await partnerships.WithdrawAsync(user, id, request?.Reason, ct)));
}
