using System.Security.Claims;
using Matchmaking.Needs.Model;
using Matchmaking.Needs.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Needs.Apis;

/// <summary>
/// Sourcing needs. Open needs are visible to every signed-in organisation (suppliers browse demand); drafts, closed and
/// expired needs exist only for their owner and, read-only, the programme office (anyone else gets 404).
/// Writes are in NeedsApi.Commands.cs.
/// </summary>
public static partial class NeedsApi
{
    public static IEndpointRouteBuilder MapNeedsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/needs").WithTags("Needs").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);

        api.MapGet("/open", ListOpenNeeds).WithName("ListOpenNeeds")
            .WithSummary("Open needs, newest first, by category, delivery province or text (with or without diacritics)").ProducesValidationProblem();
        api.MapGet("/mine", ListMyNeeds).WithName("ListMyNeeds").WithSummary("The caller's needs in every state, newest first").ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetNeed).WithName("GetNeed")
            .WithSummary("A need; drafts, closed and expired needs only to their owner and the programme office").ProducesProblem(404);
        api.MapPost("/", CreateNeed).WithName("CreateNeed").WithSummary("Create a draft need delivering to one of the caller's locations")
            .ProducesValidationProblem();
        api.MapPut("/{id:guid}", UpdateNeed).WithName("UpdateNeed")
            .WithSummary("Replace a draft or open need; honours If-Match (412 when stale); an open need is re-announced")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        api.MapPut("/{id:guid}/weights", ChangeWeights).WithName("ChangeNeedWeights")
            .WithSummary("Change only the match weights; honours If-Match; an open need is re-announced")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        api.MapDelete("/{id:guid}", DeleteNeed).WithName("DeleteNeed").WithSummary("Delete a draft").ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/open", OpenNeed).WithName("OpenNeed")
            .WithSummary("Open a draft to suppliers and matching (NeedPosted)").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/close", CloseNeed).WithName("CloseNeed")
            .WithSummary("Stop taking matches for an open need (NeedClosed)").ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static async Task<Ok<PagedResponse<NeedResponse>>> ListOpenNeeds([AsParameters] ListOpenNeedsQuery query, ClaimsPrincipal user,
        [FromServices] NeedsServices services, CancellationToken ct)
    {
        user.RequireOrganisation();
        var errors = new FieldErrors();
        var (page, pageSize) = errors.Paging(query.Page, query.PageSize);
        if (query.Category is not null && !ReferenceData.Categories.Contains(query.Category)) errors.Add("category", "Unknown category.");
        if (query.Province is { Length: > 100 }) errors.Add("province", "At most 100 characters.");
        if (query.Q is { Length: > 200 }) errors.Add("q", "At most 200 characters.");
        errors.ThrowIfAny();

        var needs = services.Db.Needs.AsNoTracking().Where(n => n.Status == NeedStatus.Open);
        if (query.Category is not null) needs = needs.Where(n => n.Category == query.Category);
        if (FoldedText.Fold(query.Province) is { Length: > 0 } province) needs = needs.Where(n => n.ProvinceKey == province);
        foreach (var word in FoldedText.Words(query.Q)) needs = needs.Where(n => n.SearchText.Contains(word));

        var total = await needs.LongCountAsync(ct);
        var items = await needs.OrderByDescending(n => n.OpenedAt).ThenBy(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        // Only the owner sees where exactly the goods go; suppliers see the district, province and position.
        return TypedResults.Ok(new PagedResponse<NeedResponse>(await ToResponsesAsync(services, items, full: user.IsProgrammeOffice(), ct), page, pageSize, total));
    }

    public static async Task<Ok<PagedResponse<NeedResponse>>> ListMyNeeds([AsParameters] ListMyNeedsQuery query, ClaimsPrincipal user,
        [FromServices] NeedsServices services, CancellationToken ct)
    {
        var retailerId = user.RequireRetailer();
        var errors = new FieldErrors();
        var (page, pageSize) = errors.Paging(query.Page, query.PageSize);
        NeedStatus? status = null;
        if (query.Status is not null)
        {
            status = Enum.GetValues<NeedStatus>().Cast<NeedStatus?>().FirstOrDefault(s => s.ToString()!.Equals(query.Status, StringComparison.OrdinalIgnoreCase));
            if (status is null) errors.Add("status", "The status is one of draft, open, closed, expired.");
        }
        errors.ThrowIfAny();

        var needs = services.Db.Needs.AsNoTracking().Where(n => n.RetailerId == retailerId);
        if (status is not null) needs = needs.Where(n => n.Status == status);
        var total = await needs.LongCountAsync(ct);
        var items = await needs.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResponse<NeedResponse>(await ToResponsesAsync(services, items, full: true, ct), page, pageSize, total));
    }

    public static async Task<Ok<NeedResponse>> GetNeed(Guid id, ClaimsPrincipal user, HttpContext http, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var organisationId = user.RequireOrganisation();
        var need = await services.Db.Needs.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        var isOwner = need is not null && need.RetailerId == organisationId;
        // Drafts and ended needs are private: anyone but the owner and the programme office learns nothing, not even that they exist.
        if (need is null || !(isOwner || need.IsOpen || user.IsProgrammeOffice())) throw new NotFoundException("Need", id);
        if (isOwner) SetETag(http, need);
        return TypedResults.Ok((await ToResponsesAsync(services, [need], full: isOwner || user.IsProgrammeOffice(), ct))[0]);
    }

    private static async Task<List<NeedResponse>> ToResponsesAsync(NeedsServices services, IReadOnlyCollection<Need> needs, bool full, CancellationToken ct)
    {
        var ids = needs.Select(n => n.RetailerId).ToHashSet();
        var retailers = await services.Db.Retailers.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return [.. needs.Select(n => NeedResponse.From(n, retailers.GetValueOrDefault(n.RetailerId), full))];
    }

    /// <summary>The row version (xmin) as an ETag, so an edit can say which state it was based on.</summary>
    private static void SetETag(HttpContext http, Need need) => http.Response.Headers.ETag = $"\"{need.RowVersion}\"";
}
