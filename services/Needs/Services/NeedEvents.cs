using Matchmaking.Contracts.Needs;
using Matchmaking.Messaging;
using Matchmaking.Needs.Data;
using Matchmaking.Needs.Model;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Needs.Services;

/// <summary>
/// Queues need events in the outbox of the current unit of work; they leave only if SaveChanges commits.
/// Call after the change is applied in memory and before SaveChanges. Drafts are nobody else's business: no events.
/// </summary>
public static class NeedEvents
{
    public static async Task PostedAsync(NeedsDbContext db, Need need, TimeProvider clock, CancellationToken ct) =>
        db.PublishOnCommit(new NeedPosted { Need = await SnapshotAsync(db, need, ct), Version = need.Version, OccurredAt = clock.GetUtcNow() });

    /// <summary>Announces the new state of the need if it is open.</summary>
    public static async Task UpdatedAsync(NeedsDbContext db, Need need, TimeProvider clock, CancellationToken ct)
    {
        if (!need.IsOpen) return;
        db.PublishOnCommit(new NeedUpdated { Need = await SnapshotAsync(db, need, ct), Version = need.Version, OccurredAt = clock.GetUtcNow() });
    }

    public static void Closed(NeedsDbContext db, Need need, TimeProvider clock) => db.PublishOnCommit(new NeedClosed
    {
        NeedId = need.Id, RetailerId = need.RetailerId, Reason = need.Status == NeedStatus.Expired ? "expired" : "closed",
        Version = need.Version, OccurredAt = clock.GetUtcNow(),
    });

    /// <summary>
    /// Something every snapshot of the retailer shows changed (name, verification, commitments): bump each open need's
    /// version and announce its fresh snapshot. Returns how many were re-announced.
    /// </summary>
    public static async Task<int> RepublishOpenAsync(NeedsDbContext db, Guid retailerId, TimeProvider clock, CancellationToken ct)
    {
        var needs = await db.Needs.Where(n => n.RetailerId == retailerId && n.Status == NeedStatus.Open).ToListAsync(ct);
        foreach (var need in needs)
        {
            need.Touch(clock.GetUtcNow());
            await UpdatedAsync(db, need, clock, ct);
        }
        return needs.Count;
    }

    /// <summary>Everything matching needs to rank products for the need, so nobody calls back.</summary>
    public static async Task<NeedSnapshot> SnapshotAsync(NeedsDbContext db, Need need, CancellationToken ct)
    {
        // FindAsync sees a profile changed (or opened) in this unit of work but not saved yet.
        var retailer = await db.Retailers.FindAsync([need.RetailerId], ct);
        var (d, w) = (need.Delivery, need.Weights);
        return new NeedSnapshot
        {
            NeedId = need.Id,
            RetailerId = need.RetailerId,
            RetailerName = retailer?.PublicName ?? "",
            RetailerVerified = retailer?.Verified ?? false,
            Title = need.Title,
            Description = need.Description,
            Category = need.Category,
            Keywords = [.. need.Keywords],
            RequiredSchemes = [.. need.RequiredSchemes],
            PreferredSchemes = [.. need.PreferredSchemes],
            MinimumOcopStars = need.MinimumOcopStars,
            QuantityPerMonth = need.QuantityPerMonth,
            Unit = need.Unit,
            MaxUnitPriceVnd = need.MaxUnitPriceVnd,
            Delivery = new DeliveryLocationSnapshot
            {
                Name = d.Name, Address = d.Address, Commune = d.Commune, District = d.District, Province = d.Province,
                Latitude = d.Latitude, Longitude = d.Longitude,
            },
            MaxDistanceKm = need.MaxDistanceKm,
            Packaging = [.. need.Packaging],
            MaxLeadTimeDays = need.MaxLeadTimeDays,
            NeededFrom = need.NeededFrom,
            ValidUntil = need.ValidUntil,
            Weights = new MatchWeightsSnapshot
            {
                TextRelevance = w.TextRelevance, CertificationStrength = w.CertificationStrength, Sustainability = w.Sustainability,
                Distance = w.Distance, Price = w.Price, LeadTime = w.LeadTime,
            },
            RetailerCommitments = [.. retailer?.Commitments ?? []],
            Status = need.Status.ToString().ToLowerInvariant(),
        };
    }
}
