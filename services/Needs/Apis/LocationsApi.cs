using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Matchmaking.Needs.Model;
using Matchmaking.Needs.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Needs.Apis;

/// <summary>A store, warehouse or delivery point. Coordinates must fall inside Vietnam's bounding box (mainland and islands), which also catches swapped values.</summary>
public sealed record LocationRequest(
    [Required, StringLength(200, MinimumLength = 1)] string? Name,
    [Required] LocationKind? Kind,
    [StringLength(300)] string? Address,
    [StringLength(100)] string? Commune,
    [Required, StringLength(100, MinimumLength = 1)] string? District,
    [Required, StringLength(100, MinimumLength = 1)] string? Province,
    [Required, Range(6.0, 24.0)] double? Latitude,
    [Required, Range(102.0, 118.0)] double? Longitude);

public sealed record LocationResponse(
    Guid Id, Guid RetailerId, string Name, LocationKind Kind, string? Address, string? Commune, string District, string Province,
    double Latitude, double Longitude, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static LocationResponse From(DeliveryLocation l) => new(
        l.Id, l.RetailerId, l.Name, l.Kind, l.Address, l.Commune, l.District, l.Province, l.Latitude, l.Longitude, l.CreatedAt, l.UpdatedAt);
}

/// <summary>The caller's stores and delivery addresses; every route is limited to the caller's own organisation (others' answer 404).</summary>
public static class LocationsApi
{
    public static IEndpointRouteBuilder MapLocationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/needs/retailers/me/locations").WithTags("Delivery locations").RequireAuthorization()
            .ProducesProblem(401).ProducesProblem(403);

        api.MapPost("/", CreateLocation).WithName("CreateLocation").WithSummary("Add a store, warehouse or delivery point").ProducesValidationProblem();
        api.MapGet("/", ListMyLocations).WithName("ListMyLocations").WithSummary("The caller's locations");
        api.MapGet("/{id:guid}", GetLocation).WithName("GetLocation").WithSummary("One of the caller's locations").ProducesProblem(404);
        api.MapPut("/{id:guid}", UpdateLocation).WithName("UpdateLocation")
            .WithSummary("Change a location; drafts and open needs delivering there follow, open ones are re-announced")
            .ProducesValidationProblem().ProducesProblem(404);
        api.MapDelete("/{id:guid}", DeleteLocation).WithName("DeleteLocation")
            .WithSummary("Remove a location no draft or open need delivers to").ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static async Task<Created<LocationResponse>> CreateLocation(LocationRequest request, ClaimsPrincipal user,
        [FromServices] NeedsServices services, CancellationToken ct)
    {
        var retailer = await services.EnsureRetailerAsync(user, ct);
        var now = services.Now;
        var location = new DeliveryLocation { Id = Guid.CreateVersion7(), RetailerId = retailer.Id, Name = "", District = "", Province = "", CreatedAt = now };
        Apply(location, request, now);
        services.Db.Locations.Add(location);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/needs/retailers/me/locations/{location.Id}", LocationResponse.From(location));
    }

    public static async Task<Ok<List<LocationResponse>>> ListMyLocations(ClaimsPrincipal user, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var retailerId = user.RequireRetailer();
        var locations = await services.Db.Locations.AsNoTracking().Where(l => l.RetailerId == retailerId).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(locations.Select(LocationResponse.From).ToList());
    }

    public static async Task<Ok<LocationResponse>> GetLocation(Guid id, ClaimsPrincipal user, [FromServices] NeedsServices services, CancellationToken ct) =>
        TypedResults.Ok(LocationResponse.From(await FindOwnAsync(services, user, id, ct)));

    public static async Task<Ok<LocationResponse>> UpdateLocation(Guid id, LocationRequest request, ClaimsPrincipal user,
        [FromServices] NeedsServices services, CancellationToken ct)
    {
        var location = await FindOwnAsync(services, user, id, ct);
        var now = services.Now;
        Apply(location, request, now);
        // A corrected address or position should reach matching; closed and expired needs keep the place they had.
        var needs = await services.Db.Needs
            .Where(n => n.DeliveryLocationId == id && (n.Status == NeedStatus.Draft || n.Status == NeedStatus.Open)).ToListAsync(ct);
        foreach (var need in needs.Where(n => n.Relocate(location.ToDelivery(), now)))
            await NeedEvents.UpdatedAsync(services.Db, need, services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(LocationResponse.From(location));
    }

    public static async Task<NoContent> DeleteLocation(Guid id, ClaimsPrincipal user, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var location = await FindOwnAsync(services, user, id, ct);
        if (await services.Db.Needs.AnyAsync(n => n.DeliveryLocationId == id && (n.Status == NeedStatus.Draft || n.Status == NeedStatus.Open), ct))
            throw new ConflictException("Draft or open needs deliver to this location; move them to another location first.");
        services.Db.Locations.Remove(location);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Another organisation's location is reported as missing, so ids reveal nothing.</summary>
    internal static async Task<DeliveryLocation> FindOwnAsync(NeedsServices services, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var retailerId = user.RequireRetailer();
        return await services.Db.Locations.SingleOrDefaultAsync(l => l.Id == id && l.RetailerId == retailerId, ct)
            ?? throw new NotFoundException("Location", id);
    }

    private static void Apply(DeliveryLocation location, LocationRequest r, DateTimeOffset now)
    {
        location.Name = r.Name!.Trim();
        location.Kind = r.Kind!.Value;
        location.Address = Blank(r.Address);
        location.Commune = Blank(r.Commune);
        location.District = r.District!.Trim();
        location.Province = r.Province!.Trim();
        location.Latitude = r.Latitude!.Value;
        location.Longitude = r.Longitude!.Value;
        location.UpdatedAt = now;
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
