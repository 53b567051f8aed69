using System.Globalization;
using Matchmaking.Contracts.Matching;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Notifications;
using Matchmaking.Messaging;

namespace Matchmaking.Matching.Engine;

/// <summary>
/// Tells both sides about matches new for their need, in the computation's unit of work: one MatchesFound per need, a
/// feed entry for the retailer, and one for each supplier (grouped, so a product matching many needs is one entry).
/// </summary>
public sealed class MatchAnnouncer(MatchingDbContext db, NotificationWriter notifications, TimeProvider clock)
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    /// <summary>A need was matched against every product.</summary>
    internal async Task NeedMatchedAsync(NeedFacts need, IReadOnlyList<FoundMatchInfo> added, CancellationToken ct)
    {
        if (added.Count == 0) return;
        var ranked = added.OrderByDescending(m => m.Score).ToList();
        Publish(need, "need", ranked);
        var entries = new List<NewNotification>();
        entries.Add(new(need.RetailerId, NotificationKinds.MatchesFound,
            ranked.Count == 1 ? $"A new supplier product matches your need “{need.Title}”" : $"{ranked.Count} new supplier products match your need “{need.Title}”",
            string.Join("; ", ranked.Take(3).Select(m => $"“{m.ProductName}” from {m.SupplierName}, score {Score(m.Score)}")),
            new NotificationLinks(NeedId: need.NeedId, ProductId: ranked[0].ProductId, MatchId: ranked[0].MatchId)));
        foreach (var group in ranked.GroupBy(m => m.SupplierId))
        {
            var first = group.First();
            entries.Add(new(group.Key, NotificationKinds.ProductMatched,
                group.Count() == 1
                    ? $"Your product “{first.ProductName}” matches the open need “{need.Title}” of {need.RetailerName}"
                    : $"{group.Count()} of your products match the open need “{need.Title}” of {need.RetailerName}",
                Demand(need), new NotificationLinks(NeedId: need.NeedId, ProductId: first.ProductId, MatchId: first.MatchId)));
        }
        await notifications.WriteAsync(entries, ct);
    }

    /// <summary>A product was matched against every open need.</summary>
    internal async Task ProductMatchedAsync(IReadOnlyList<(NeedFacts Need, FoundMatchInfo Match)> added, CancellationToken ct)
    {
        if (added.Count == 0) return;
        var entries = new List<NewNotification>();
        foreach (var (need, match) in added)
        {
            Publish(need, "product", [match]);
            entries.Add(new(need.RetailerId, NotificationKinds.MatchesFound, $"A new supplier product matches your need “{need.Title}”",
                $"“{match.ProductName}” from {match.SupplierName}, score {Score(match.Score)}",
                new NotificationLinks(NeedId: need.NeedId, ProductId: match.ProductId, MatchId: match.MatchId)));
        }
        var ranked = added.OrderByDescending(a => a.Match.Score).ToList();
        var (best, top) = (ranked[0].Need, ranked[0].Match);
        entries.Add(new(top.SupplierId, NotificationKinds.ProductMatched,
            ranked.Count == 1
                ? $"Your product “{top.ProductName}” matches the open need “{best.Title}” of {best.RetailerName}"
                : $"Your product “{top.ProductName}” matches {ranked.Count} open needs",
            ranked.Count == 1 ? Demand(best) : string.Join("; ", ranked.Take(5).Select(a => $"“{a.Need.Title}” of {a.Need.RetailerName}")),
            new NotificationLinks(NeedId: best.NeedId, ProductId: top.ProductId, MatchId: top.MatchId)));
        await notifications.WriteAsync(entries, ct);
    }

    private void Publish(NeedFacts need, string trigger, IReadOnlyList<FoundMatchInfo> matches) => db.PublishOnCommit(new MatchesFound
    {
        NeedId = need.NeedId,
        RetailerId = need.RetailerId,
        NeedTitle = need.Title,
        Trigger = trigger,
        Matches = [.. matches.Select(m => new FoundMatch(m.MatchId, m.ProductId, m.SupplierId, m.ProductName, m.Score))],
        OccurredAt = clock.GetUtcNow(),
    });

    private static string Demand(NeedFacts need) =>
        $"{need.RetailerName} needs {need.QuantityPerMonth.ToString("N0", Numbers)} {need.Unit} a month delivered to {need.DeliveryDistrict}";

    private static string Score(double score) => score.ToString("0.00", Numbers);
}
