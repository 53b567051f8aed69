using System.Security.Claims;
using Matchmaking.Needs.Model;
using Matchmaking.Needs.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Needs.Apis;

public static partial class NeedsApi
{
    public static async Task<Created<NeedResponse>> CreateNeed(NeedRequest request, ClaimsPrincipal user, HttpContext http,
        [FromServices] NeedsServices services, CancellationToken ct)
    {
        var retailer = await services.EnsureRetailerAsync(user, ct);
        var details = await ToDetailsAsync(services, retailer.Id, request, ct);
        var need = Need.Draft(retailer.Id, details, services.Now);
        services.Db.Needs.Add(need);
        await services.Db.SaveChangesAsync(ct);
        SetETag(http, need);
        return TypedResults.Created($"/api/needs/{need.Id}", (await ToResponsesAsync(services, [need], full: true, ct))[0]);
    }

    public static async Task<Results<Ok<NeedResponse>, ProblemHttpResult>> UpdateNeed(Guid id, NeedRequest request, ClaimsPrincipal user,
        HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var need = await FindOwnAsync(services, user, id, ct);
        if (!Matches(need, ifMatch)) return Stale(need);
        var details = await ToDetailsAsync(services, need.RetailerId, request, ct);
        need.Apply(details, services.Now);
        await NeedEvents.UpdatedAsync(services.Db, need, services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        SetETag(http, need);
        return TypedResults.Ok((await ToResponsesAsync(services, [need], full: true, ct))[0]);
    }

    public static async Task<Results<Ok<NeedResponse>, ProblemHttpResult>> ChangeWeights(Guid id, MatchWeightsRequest request, ClaimsPrincipal user,
        HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var need = await FindOwnAsync(services, user, id, ct);
        if (!Matches(need, ifMatch)) return Stale(need);
        if (request.AllZero) throw new DomainValidationException("weights", "At least one weight must be above zero.");
        need.ChangeWeights(request.ToWeights(), services.Now);
        await NeedEvents.UpdatedAsync(services.Db, need, services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        SetETag(http, need);
        return TypedResults.Ok((await ToResponsesAsync(services, [need], full: true, ct))[0]);
    }

    public static async Task<NoContent> DeleteNeed(Guid id, ClaimsPrincipal user, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var need = await FindOwnAsync(services, user, id, ct);
        need.EnsureDeletable();
        services.Db.Needs.Remove(need);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<NeedResponse>> OpenNeed(Guid id, ClaimsPrincipal user, HttpContext http, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var need = await FindOwnAsync(services, user, id, ct);
        var retailer = await services.EnsureRetailerAsync(user, ct);
        if (retailer.PublicName is null)
            throw new ConflictException("Suppliers need a retailer name: set a display name (PUT /api/needs/retailers/me) before opening a need.");
        need.Open(services.Today, services.Now);
        await NeedEvents.PostedAsync(services.Db, need, services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        NeedsLog.NeedStatusChanged(services.Logger, need.Id, need.RetailerId, "open", need.Version);
        SetETag(http, need);
        return TypedResults.Ok((await ToResponsesAsync(services, [need], full: true, ct))[0]);
    }

    public static async Task<Ok<NeedResponse>> CloseNeed(Guid id, ClaimsPrincipal user, HttpContext http, [FromServices] NeedsServices services, CancellationToken ct)
    {
        var need = await FindOwnAsync(services, user, id, ct);
        need.Close(services.Now);
        NeedEvents.Closed(services.Db, need, services.Clock);
        await services.Db.SaveChangesAsync(ct);
        NeedsLog.NeedStatusChanged(services.Logger, need.Id, need.RetailerId, "closed", need.Version);
        SetETag(http, need);
        return TypedResults.Ok((await ToResponsesAsync(services, [need], full: true, ct))[0]);
    }

    /// <summary>Another organisation's need is reported as missing, whatever its state.</summary>
    internal static async Task<Need> FindOwnAsync(NeedsServices services, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var retailerId = user.RequireRetailer();
        return await services.Db.Needs.SingleOrDefaultAsync(n => n.Id == id && n.RetailerId == retailerId, ct)
            ?? throw new NotFoundException("Need", id);
    }

    /// <summary>A need may only deliver to one of its own retailer's locations, and must not be past its last valid day.</summary>
    private static async Task<NeedDetails> ToDetailsAsync(NeedsServices services, Guid retailerId, NeedRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var location = await services.Db.Locations.AsNoTracking()
            .SingleOrDefaultAsync(l => l.Id == request.DeliveryLocationId && l.RetailerId == retailerId, ct);
        if (location is null) errors.Add("deliveryLocationId", "The delivery location must be one of your organisation's locations.");
        if (request.ValidUntil < services.Today) errors.Add("validUntil", "The last valid day has already passed.");
        errors.ThrowIfAny();
        return request.ToDetails(location!);
    }

    /// <summary>
    /// If-Match against the row version just read: a client editing from a stale read gets 412 and changes nothing.
    /// A change landing between this read and the save still fails on xmin (409 from the shared exception handler).
    /// </summary>
    private static bool Matches(Need need, string? ifMatch)
    {
        if (ifMatch is null || ifMatch.Trim() == "*") return true;
        var raw = ifMatch.Trim();
        if (raw.StartsWith("W/", StringComparison.Ordinal)) raw = raw[2..];
        return uint.TryParse(raw.Trim('"'), out var version)
            ? version == need.RowVersion
            : throw new DomainValidationException("ifMatch", "The If-Match header must be an ETag returned by this API.");
    }

    private static ProblemHttpResult Stale(Need need) => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Precondition failed.", detail: $"The need has changed since it was read (now version {need.Version}); reload it and try again.");
}
