using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Apis;

public sealed record UpdateSupplierRequest(
    [Required, StringLength(200, MinimumLength = 1)] string? DisplayName,
    [StringLength(5000)] string? Description,
    [StringLength(200)] string? ContactPerson,
    [StringLength(2048), AbsoluteHttpUrl] string? Website);

public sealed record SupplierResponse(
    Guid Id, string? Name, string? LegalName, string? DisplayName, string? Description, string? ContactPerson, string? Website,
    string? TaxCode, string? Province, string? District, bool Verified, DateTimeOffset? VerifiedAt, bool Registered)
{
    public static SupplierResponse From(SupplierProfile s) => new(
        s.Id, s.PublicName, s.LegalName, s.DisplayName, s.Description, s.ContactPerson, s.Website,
        s.TaxCode, s.Province, s.District, s.Verified, s.VerifiedAt, s.RegisteredAt is not null);
}

public static class SuppliersApi
{
    public static IEndpointRouteBuilder MapSuppliersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalogue/suppliers").WithTags("Suppliers");

        api.MapGet("/me", GetMyProfile).WithName("GetMySupplierProfile").RequireAuthorization()
            .WithSummary("The caller's supplier profile").ProducesProblem(404);
        api.MapPut("/me", UpdateMyProfile).WithName("UpdateMySupplierProfile").RequireAuthorization()
            .WithSummary("Set the caller's display name, description, contact person and website").ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("/{id:guid}", GetSupplier).WithName("GetSupplier").AllowAnonymous()
            .WithSummary("A supplier's public profile").ProducesProblem(404);
        return app;
    }

    public static async Task<Results<Ok<SupplierResponse>, NotFound>> GetMyProfile(ClaimsPrincipal user, [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var supplierId = user.RequireSupplier();
        var profile = await services.Db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == supplierId, ct);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(SupplierResponse.From(profile));
    }

    public static async Task<Ok<SupplierResponse>> UpdateMyProfile(UpdateSupplierRequest request, ClaimsPrincipal user,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var profile = await services.EnsureSupplierAsync(user, ct);
        var renamed = profile.DisplayName != request.DisplayName!.Trim();
        profile.UpdateDetails(request.DisplayName.Trim(), request.Description, request.ContactPerson, request.Website, services.Now);
        // Listings carry the supplier's name, so a rename reaches search and matching as a product update.
        if (renamed) await ProductEvents.RepublishAsync(services.Db, services.Db.Products.Where(p => p.SupplierId == profile.Id), services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(SupplierResponse.From(profile));
    }

    public static async Task<Results<Ok<SupplierResponse>, NotFound>> GetSupplier(Guid id, [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var profile = await services.Db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        // The tax code identifies the business but is not needed to trade through the platform; keep it to the owner.
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(SupplierResponse.From(profile) with { TaxCode = null });
    }
}
