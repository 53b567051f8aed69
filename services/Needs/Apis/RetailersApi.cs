using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Matchmaking.Needs.Model;
using Matchmaking.Needs.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Needs.Apis;

public sealed record UpdateRetailerRequest(
    [Required, StringLength(200, MinimumLength = 1)] string? DisplayName,
    [StringLength(5000)] string? Description,
    [MaxLength(20)] IReadOnlyList<string>? Commitments) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Commitments is not null && !Commitments.All(ReferenceData.IsCommitment))
            yield return new ValidationResult("Unknown commitment; GET /api/needs/reference/commitments lists them.", [nameof(Commitments)]);
    }
}

/// <summary>The retailer's own view of its profile.</summary>
public sealed record RetailerResponse(
    Guid Id, string? Name, string? LegalName, string? DisplayName, string? Description, string? TaxCode, string? Province, string? District,
    IReadOnlyList<string> Commitments, bool Verified, DateTimeOffset? VerifiedAt, bool Registered)
{
    public static RetailerResponse From(RetailerProfile r) => new(
        r.Id, r.PublicName, r.LegalName, r.DisplayName, r.Description, r.TaxCode, r.Province, r.District,
        r.Commitments, r.Verified, r.VerifiedAt, r.RegisteredAt is not null);
}

/// <summary>What any organisation on the platform may know of a retailer.</summary>
public sealed record RetailerPublicResponse(Guid Id, string? Name, string? Province, bool Verified, IReadOnlyList<string> Commitments)
{
    public static RetailerPublicResponse From(RetailerProfile r) => new(r.Id, r.PublicName, r.Province, r.Verified, r.Commitments);
}

public static class RetailersApi
{
    public static IEndpointRouteBuilder MapRetailersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/needs/retailers").WithTags("Retailers").RequireAuthorization()
            .ProducesProblem(401).ProducesProblem(403);

        api.MapGet("/me", GetMyProfile).WithName("GetMyRetailerProfile").WithSummary("The caller's retailer profile").ProducesProblem(404);
        api.MapPut("/me", UpdateMyProfile).WithName("UpdateMyRetailerProfile")
            .WithSummary("Set the caller's display name, description and sustainability commitments; open needs are re-announced")
            .ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetRetailer).WithName("GetRetailer")
            .WithSummary("A retailer's public profile: name, province, verification and commitments").ProducesProblem(404);
        return app;
    }

    public static async Task<Results<Ok<RetailerResponse>, NotFound>> GetMyProfile(ClaimsPrincipal user, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var retailerId = user.RequireRetailer();
        var profile = await services.Db.Retailers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == retailerId, ct);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(RetailerResponse.From(profile));
    }

    public static async Task<Ok<RetailerResponse>> UpdateMyProfile(UpdateRetailerRequest request, ClaimsPrincipal user,
        [FromServices] NeedsServices services, CancellationToken ct)
    {
        var profile = await services.EnsureRetailerAsync(user, ct);
        var before = profile.SnapshotFacts;
        profile.UpdateDetails(request.DisplayName!.Trim(), LocationsApi.Blank(request.Description), [.. (request.Commitments ?? []).Distinct()], services.Now);
        // Need snapshots carry the retailer's name and commitments, so matching hears of a change as need updates.
        if (before != profile.SnapshotFacts) await NeedEvents.RepublishOpenAsync(services.Db, profile.Id, services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(RetailerResponse.From(profile));
    }

    public static async Task<Ok<RetailerPublicResponse>> GetRetailer(Guid id, ClaimsPrincipal user, [FromServices] NeedsServices services, CancellationToken ct)
    {
        user.RequireOrganisation();
        var profile = await services.Db.Retailers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Retailer", id);
        return TypedResults.Ok(RetailerPublicResponse.From(profile));
    }
}
