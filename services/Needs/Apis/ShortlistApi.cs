using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Matchmaking.Needs.Model;
using Matchmaking.Needs.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Needs.Apis;

public sealed record ShortlistRequest([StringLength(500)] string? Note);

/// <summary>A shortlisted product with what the retailer needs to recognise it; available is false once the supplier withdrew it.</summary>
public sealed record ShortlistEntryResponse(
    Guid ProductId, string ProductName, Guid SupplierId, string SupplierName, string Category, string Unit, bool Available,
    string? Note, DateTimeOffset AddedAt, DateTimeOffset UpdatedAt)
{
    public static ShortlistEntryResponse From(ShortlistEntry e, ProductListing p) =>
        new(e.ProductId, p.NameVi, p.SupplierId, p.SupplierName, p.Category, p.Unit, p.Available, e.Note, e.AddedAt, e.UpdatedAt);
}

/// <summary>
/// The products a retailer keeps in view for one of its needs. Private: only members of the owning retailer see or change
/// it (other retailers get 404, other kinds of organisation 403), whatever the need's state.
/// </summary>
public static class ShortlistApi
{
    public static IEndpointRouteBuilder MapShortlistApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/needs/{id:guid}/shortlist").WithTags("Shortlists").RequireAuthorization()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        api.MapGet("/", GetShortlist).WithName("GetShortlist").WithSummary("The products shortlisted for one of the caller's needs");
        api.MapPut("/{productId:guid}", PutShortlistEntry).WithName("PutShortlistEntry")
            .WithSummary("Shortlist a published product for the need, or change its note").ProducesValidationProblem().ProducesProblem(409);
        api.MapDelete("/{productId:guid}", DeleteShortlistEntry).WithName("DeleteShortlistEntry")
            .WithSummary("Take a product off the need's shortlist").ProducesProblem(409);
        return app;
    }

    public static async Task<Ok<List<ShortlistEntryResponse>>> GetShortlist(Guid id, ClaimsPrincipal user, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var need = await NeedsApi.FindOwnAsync(services, user, id, ct);
        var entries = await services.Db.Shortlist.AsNoTracking().Where(e => e.NeedId == need.Id)
            .Join(services.Db.Products.AsNoTracking(), e => e.ProductId, p => p.Id, (e, p) => new { Entry = e, Product = p })
            .OrderBy(x => x.Entry.AddedAt).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(x => ShortlistEntryResponse.From(x.Entry, x.Product)).ToList());
    }

    public static async Task<Ok<ShortlistEntryResponse>> PutShortlistEntry(Guid id, Guid productId, ShortlistRequest? request, ClaimsPrincipal user,
        [FromServices] NeedsServices services, CancellationToken ct)
    {
        var need = await FindEditableAsync(services, user, id, ct);
        var product = await services.Db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId && p.NameVi != "", ct)
            ?? throw new NotFoundException("Product", productId);
        var entry = await services.Db.Shortlist.SingleOrDefaultAsync(e => e.NeedId == need.Id && e.ProductId == productId, ct);
        var (now, note) = (services.Now, LocationsApi.Blank(request?.Note));
        if (entry is null)
        {
            // A withdrawn product already on the list keeps its note editable, but nothing new is added that cannot be bought.
            if (!product.Available) throw new DomainValidationException("productId", "The supplier has withdrawn this product; it cannot be shortlisted.");
            entry = new ShortlistEntry { NeedId = need.Id, ProductId = productId, AddedAt = now };
            services.Db.Shortlist.Add(entry);
        }
        entry.Note = note;
        entry.UpdatedAt = now;
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ShortlistEntryResponse.From(entry, product));
    }

    public static async Task<NoContent> DeleteShortlistEntry(Guid id, Guid productId, ClaimsPrincipal user, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var need = await FindEditableAsync(services, user, id, ct);
        var entry = await services.Db.Shortlist.SingleOrDefaultAsync(e => e.NeedId == need.Id && e.ProductId == productId, ct)
            ?? throw new NotFoundException("Shortlist entry", productId);
        services.Db.Shortlist.Remove(entry);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>A closed or expired need's shortlist stays readable as a record of what was considered, but no longer changes.</summary>
    private static async Task<Need> FindEditableAsync(NeedsServices services, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var need = await NeedsApi.FindOwnAsync(services, user, id, ct);
        if (need.Status is NeedStatus.Closed or NeedStatus.Expired)
            throw new ConflictException("The need has ended; its shortlist can no longer change.");
        return need;
    }
}
