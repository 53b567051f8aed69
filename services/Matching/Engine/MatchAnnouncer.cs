using Matchmaking.Contracts.Matching;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Notifications;
using Matchmaking.Matching.Services;
using Matchmaking.Messaging;

namespace Matchmaking.Matching.Engine;

/// <summary>
/// Tells both sides about matches new for their need, in the computation's unit of work: one MatchesFound per need, a
/// feed entry for the retailer, and one for each supplier (grouped, so a product matching many needs is one entry).
/// Feed texts are Vietnamese, the language of both sides (<see cref="VietnameseText"/>).
/// </summary>
public sealed class MatchAnnouncer(MatchingDbContext db, NotificationWriter notifications, TimeProvider clock)
{
    /// <summary>A need was matched against every product.</summary>
    internal async Task NeedMatchedAsync(NeedFacts need, IReadOnlyList<FoundMatchInfo> added, CancellationToken ct)
    {
        if (added.Count == 0) return;
        var ranked = added.OrderByDescending(m => m.Score).ToList();
        Publish(need, "need", ranked);
        var entries = new List<NewNotification>();
        entries.Add(new(need.RetailerId, NotificationKinds.MatchesFound,
            ranked.Count == 1 ? $"Một sản phẩm mới phù hợp với nhu cầu “{need.Title}”" : $"{ranked.Count} sản phẩm mới phù hợp với nhu cầu “{need.Title}”",
            string.Join("; ", ranked.Take(3).Select(m => $"“{m.ProductName}” của {m.SupplierName}, điểm {Score(m.Score)}")),
            new NotificationLinks(NeedId: need.NeedId, ProductId: ranked[0].ProductId, MatchId: ranked[0].MatchId)));
        foreach (var group in ranked.GroupBy(m => m.SupplierId))
        {
            var first = group.First();
            entries.Add(new(group.Key, NotificationKinds.ProductMatched,
                group.Count() == 1
                    ? $"Sản phẩm “{first.ProductName}” của bạn phù hợp với nhu cầu đang mở “{need.Title}” của {need.RetailerName}"
                    : $"{group.Count()} sản phẩm của bạn phù hợp với nhu cầu đang mở “{need.Title}” của {need.RetailerName}",
                Demand(need), new NotificationLinks(NeedId: need.NeedId, ProductId: first.ProductId, MatchId: first.MatchId)));
        }
        await notifications.WriteAsync(entries, ct);
    }

    /// <summary>A product was matched against every open need.</summary>
    internal async Task ProductMatchedAsync(IReadOnlyList<(NeedFacts Need, FoundMatchInfo Match)> added, CancellationToken ct)
    {
        if (added.Count == 0) return;
        var entries = new List<NewNotification>();
        // One MatchesFound per need, hundreds when a product suits many open needs: written in one statement.
        await db.PublishManyOnCommitAsync([.. added.Select(a => Found(a.Need, "product", [a.Match]))], ct);
        foreach (var (need, match) in added)
        {
            entries.Add(new(need.RetailerId, NotificationKinds.MatchesFound, $"Một sản phẩm mới phù hợp với nhu cầu “{need.Title}”",
                $"“{match.ProductName}” của {match.SupplierName}, điểm {Score(match.Score)}",
                new NotificationLinks(NeedId: need.NeedId, ProductId: match.ProductId, MatchId: match.MatchId)));
        }
        var ranked = added.OrderByDescending(a => a.Match.Score).ToList();
        var (best, top) = (ranked[0].Need, ranked[0].Match);
        entries.Add(new(top.SupplierId, NotificationKinds.ProductMatched,
            ranked.Count == 1
                ? $"Sản phẩm “{top.ProductName}” của bạn phù hợp với nhu cầu đang mở “{best.Title}” của {best.RetailerName}"
                : $"Sản phẩm “{top.ProductName}” của bạn phù hợp với {ranked.Count} nhu cầu đang mở",
            ranked.Count == 1 ? Demand(best) : string.Join("; ", ranked.Take(5).Select(a => $"“{a.Need.Title}” của {a.Need.RetailerName}")),
            new NotificationLinks(NeedId: best.NeedId, ProductId: top.ProductId, MatchId: top.MatchId)));
        await notifications.WriteAsync(entries, ct);
    }

    private void Publish(NeedFacts need, string trigger, IReadOnlyList<FoundMatchInfo> matches) => db.PublishOnCommit(Found(need, trigger, matches));

    private MatchesFound Found(NeedFacts need, string trigger, IReadOnlyList<FoundMatchInfo> matches) => new()
    {
        NeedId = need.NeedId,
        RetailerId = need.RetailerId,
        NeedTitle = need.Title,
        Trigger = trigger,
        Matches = [.. matches.Select(m => new FoundMatch(m.MatchId, m.ProductId, m.SupplierId, m.ProductName, m.Score))],
        OccurredAt = clock.GetUtcNow(),
    };

    private static string Demand(NeedFacts need) =>
        $"{need.RetailerName} cần {VietnameseText.Number(need.QuantityPerMonth)} {need.Unit}/tháng, giao đến {need.DeliveryDistrict}";

    private static string Score(double score) => VietnameseText.Number(score, "0.00");
}
