using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Apis;

/// <summary>A production site. Coordinates must fall inside Vietnam's bounding box (mainland and islands), which also catches swapped values.</summary>
public sealed record SiteRequest(
    [Required, StringLength(200, MinimumLength = 1)] string? Name,
    [StringLength(100)] string? CraftVillage,
    [StringLength(100)] string? Commune,
    [Required, StringLength(100, MinimumLength = 1)] string? District,
    [Required, StringLength(100, MinimumLength = 1)] string? Province,
    [Required, Range(6.0, 24.0)] double? Latitude,
    [Required, Range(102.0, 118.0)] double? Longitude);

public sealed record SiteResponse(
    Guid Id, Guid SupplierId, string Name, string? CraftVillage, string? Commune, string District, string Province,
    double Latitude, double Longitude, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SiteResponse From(ProductionSite s) =>
        new(s.Id, s.SupplierId, s.Name, s.CraftVillage, s.Commune, s.District, s.Province, s.Latitude, s.Longitude, s.CreatedAt, s.UpdatedAt);
}

/// <summary>Production sites; every route is limited to the caller's own organisation (others' sites answer 404).</summary>
public static class SitesApi
{
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalogue/sites").WithTags("Production sites").RequireAuthorization()
            .ProducesProblem(401).ProducesProblem(403);

        api.MapPost("/", CreateSite).WithName("CreateSite").WithSummary("Add a production site").ProducesValidationProblem();
        api.MapGet("/", ListMySites).WithName("ListMySites").WithSummary("The caller's production sites");
        api.MapGet("/{id:guid}", GetSite).WithName("GetSite").WithSummary("One of the caller's production sites").ProducesProblem(404);
        api.MapPut("/{id:guid}", UpdateSite).WithName("UpdateSite")
            .WithSummary("Change a site; published products made there are re-announced").ProducesValidationProblem().ProducesProblem(404);
        api.MapDelete("/{id:guid}", DeleteSite).WithName("DeleteSite")
            .WithSummary("Remove a site no product refers to").ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static async Task<Created<SiteResponse>> CreateSite(SiteRequest request, ClaimsPrincipal user, [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var supplier = await services.EnsureSupplierAsync(user, ct);
        var now = services.Now;
        var site = new ProductionSite
        {
            Id = Guid.CreateVersion7(), SupplierId = supplier.Id, Name = "", District = "", Province = "", CreatedAt = now,
        };
        Apply(site, request, now);
        services.Db.Sites.Add(site);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalogue/sites/{site.Id}", SiteResponse.From(site));
    }

    public static async Task<Ok<List<SiteResponse>>> ListMySites(ClaimsPrincipal user, [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var supplierId = user.RequireSupplier();
        var sites = await services.Db.Sites.AsNoTracking().Where(s => s.SupplierId == supplierId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(sites.Select(SiteResponse.From).ToList());
    }

    public static async Task<Ok<SiteResponse>> GetSite(Guid id, ClaimsPrincipal user, [FromServices] CatalogueServices services, CancellationToken ct) =>
        TypedResults.Ok(SiteResponse.From(await FindOwnAsync(services, user, id, ct)));

    public static async Task<Ok<SiteResponse>> UpdateSite(Guid id, SiteRequest request, ClaimsPrincipal user,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var site = await FindOwnAsync(services, user, id, ct);
        Apply(site, request, services.Now);
        await ProductEvents.RepublishAsync(services.Db, services.Db.Products.Where(p => p.SiteId == id), services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(SiteResponse.From(site));
    }

    public static async Task<NoContent> DeleteSite(Guid id, ClaimsPrincipal user, [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var site = await FindOwnAsync(services, user, id, ct);
        if (await services.Db.Products.AnyAsync(p => p.SiteId == id, ct))
            throw new ConflictException("Products refer to this site; move them to another site first.");
        services.Db.Sites.Remove(site);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Another organisation's site is reported as missing, so ids reveal nothing.</summary>
    private static async Task<ProductionSite> FindOwnAsync(CatalogueServices services, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var supplierId = user.RequireSupplier();
        return await services.Db.Sites.SingleOrDefaultAsync(s => s.Id == id && s.SupplierId == supplierId, ct)
            ?? throw new NotFoundException("Site", id);
    }

    private static void Apply(ProductionSite site, SiteRequest r, DateTimeOffset now)
    {
        site.Name = r.Name!.Trim();
        site.CraftVillage = Blank(r.CraftVillage);
        site.Commune = Blank(r.Commune);
        site.District = r.District!.Trim();
        site.Province = r.Province!.Trim();
        site.Latitude = r.Latitude!.Value;
        site.Longitude = r.Longitude!.Value;
        site.UpdatedAt = now;
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
