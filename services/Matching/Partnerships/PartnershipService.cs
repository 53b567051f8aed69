using System.Security.Claims;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Identity;
using Matchmaking.Contracts.Matching;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Apis;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.ReadModels;
using Matchmaking.Matching.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchmaking.Matching.Partnerships;

/// <summary>
/// Partnership requests: made by a retailer against the read models (products published and the supplier's, volumes
/// within MOQ and capacity, its own open need or match), then answered once. Transitions are in PartnershipService.Transitions.cs.
/// </summary>
public sealed partial class PartnershipService(
    MatchingDbContext db, ReadModelReader readModels, PartnershipAnnouncer announcer, TimeProvider clock, IOptions<PartnershipOptions> options,
    ILogger<PartnershipService> logger)
{
    public async Task<Partnership> RequestAsync(ClaimsPrincipal user, RequestPartnershipRequest request, CancellationToken ct)
    {
        var buyerId = user.RequireRetailer("request partnerships");
        var (now, today) = (clock.GetUtcNow(), clock.Today());
        var errors = new Dictionary<string, string[]>();
        var (supplierId, needId, matchId) = (request.SupplierId!.Value, request.NeedId, request.MatchId);

        if (matchId is { } id)
        {
            var match = await db.Matches.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.RetailerId, m.NeedId, m.SupplierId }).SingleOrDefaultAsync(ct);
            if (match is null || match.RetailerId != buyerId) errors["matchId"] = ["No match of your needs has this id."];
            else
            {
                if (needId is not null && needId != match.NeedId) errors["needId"] = ["The match is for another need."];
                if (match.SupplierId != supplierId) errors["supplierId"] = ["The match is with another supplier."];
                needId = match.NeedId;
            }
        }
        NeedSnapshot? need = null;
        if (needId is { } nid && !errors.ContainsKey("matchId"))
        {
            // A need taken from the match is blamed on the match, the field the caller sent.
            var field = request.NeedId is null ? "matchId" : "needId";
            var record = await readModels.NeedAsync(nid, ct);
            if (record?.Snapshot is null || record.RetailerId != buyerId) errors[field] = ["No need of yours has this id."];
            else if (record.Status != "open" || record.Snapshot.ValidUntil < today) errors[field] = ["The need is no longer open."];
            else need = record.Snapshot;
        }

        var lines = request.Products!;
        var products = await readModels.ProductsAsync([.. lines.Select(l => l.ProductId!.Value)], ct);
        var snapshots = new List<(ProductSnapshot Product, long Volume)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (productId, volume) = (lines[i].ProductId!.Value, lines[i].MonthlyVolume!.Value);
            if (!products.TryGetValue(productId, out var product) || product.Withdrawn || product.Snapshot is null)
                errors[$"products[{i}].productId"] = ["No published product has this id."];
            else if (product.Snapshot.SupplierId != supplierId)
                errors[$"products[{i}].productId"] = ["The product belongs to another supplier."];
            else if (volume < product.Snapshot.MinimumOrderQuantity)
                errors[$"products[{i}].monthlyVolume"] = [$"At least the minimum order of {product.Snapshot.MinimumOrderQuantity} {product.Snapshot.Unit}."];
            else if (volume > product.Snapshot.MonthlyCapacity)
                errors[$"products[{i}].monthlyVolume"] = [$"At most the monthly capacity of {product.Snapshot.MonthlyCapacity} {product.Snapshot.Unit}."];
            else snapshots.Add((product.Snapshot, volume));
        }
        if (need is null && request.Delivery is null && !errors.ContainsKey("needId") && !errors.ContainsKey("matchId"))
            errors["delivery"] = ["Give a delivery point when the request is for no need."];
        if (errors.Count > 0) throw new DomainValidationException(errors);

        var buyer = await db.FindOrOpenOrganisationAsync(buyerId, OrganisationKinds.Retailer, now, ct);
        if (buyer.LegalName is null && db.Entry(buyer).State == EntityState.Added) MatchingLog.OrganisationOpenedLazily(logger, buyerId);
        var partnership = new Partnership
        {
            Id = Guid.CreateVersion7(),
            BuyerId = buyerId,
            BuyerName = need?.RetailerName ?? buyer.LegalName ?? "",
            SupplierId = supplierId,
            SupplierName = snapshots[0].Product.SupplierName,
            NeedId = need?.NeedId,
            NeedTitle = need?.Title,
            MatchId = matchId,
            Status = PartnershipStatus.Requested,
            Products = [.. snapshots.Select(s => Snapshot(s.Product, s.Volume, today))],
            Delivery = request.Delivery?.ToSnapshot() ?? need!.Delivery,
            Message = DeliveryRequest.Blank(request.Message),
            RequestedByUserId = user.UserIdOf(),
            CreatedAt = now,
            ExpiresAt = now + options.Value.ExpireAfter,
        };
        db.Partnerships.Add(partnership);
        announcer.Requested(partnership);
        await db.SaveChangesAsync(ct);
        MatchingTelemetry.PartnershipTransitions.Add(1, new KeyValuePair<string, object?>("status", "requested"));
        MatchingLog.PartnershipChanged(logger, partnership.Id, buyerId, supplierId, "requested");
        return partnership;
    }

    /// <summary>The product as agreed: the tier price for the volume and the certificates that count today.</summary>
    internal static PartnershipProduct Snapshot(ProductSnapshot p, long volume, DateOnly today) => new()
    {
        ProductId = p.ProductId,
        NameVi = p.NameVi,
        NameEn = p.NameEn,
        Category = p.Category,
        Unit = p.Unit,
        UnitPriceVnd = ProductFacts.From(p, 0).UnitPriceAt(volume),
        MonthlyVolume = volume,
        MinimumOrderQuantity = p.MinimumOrderQuantity,
        LeadTimeDays = p.LeadTimeDays,
        Packaging = p.Packaging,
        TraceabilityCode = p.TraceabilityCode,
        Certifications = [.. p.Certifications
            .Where(c => c.Status == "active" && c.CoversProduct != false && c.ValidFrom <= today && (c.ValidUntil is null || today <= c.ValidUntil))
            .Select(c => new CitedCertification(c.CertificateId, c.SchemeCode, c.Number, c.Issuer, c.Level, c.ValidUntil))],
    };
}
