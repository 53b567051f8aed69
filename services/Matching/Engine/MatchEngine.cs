using System.Diagnostics;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Services;
using Microsoft.Extensions.Options;

namespace Matchmaking.Matching.Engine;

/// <summary>
/// What one computation found and changed. Candidates are the rows read from SQL (for a need, the best-bound pages it
/// needed, not every product that passed the filter); Qualified are those that passed every hard constraint.
/// </summary>
public sealed record MatchRun(string Trigger, Guid SubjectId, int Candidates, int Qualified, IReadOnlyList<FoundMatchInfo> Added, int Updated,
    IReadOnlyList<Guid> Removed, double ElapsedMilliseconds)
{
    internal static MatchRun Nothing(string trigger, Guid id, IReadOnlyList<Guid>? removed = null) => new(trigger, id, 0, 0, [], 0, removed ?? [], 0);
}

/// <summary>
/// Matches one need against every product, or one product against every open need: SQL narrows on indexed columns,
/// <see cref="MatchCriteria"/> decides and scores, the kept matches are explained and stored set-based, and what is new
/// for its need is announced, all in one transaction (the caller's, when it has one, such as a consumer's inbox).
/// Certificates are judged on today's Vietnamese date. Scoped: resolve it from a scope to call it from code.
/// </summary>
public sealed class MatchEngine(MatchingDbContext db, TimeProvider clock, IOptions<MatchingOptions> options, MatchAnnouncer announcer,
    ILogger<MatchEngine> logger)
{
    public const string NeedTrigger = "need";
    public const string ProductTrigger = "product";

    /// <summary>Replaces the need's matches with the best products qualifying today; ids stay for products still matching.</summary>
    public Task<MatchRun> MatchNeedAsync(Guid needId, CancellationToken ct) => db.InTransactionAsync(() => RunForNeedAsync(needId, ct), ct);

    /// <summary>Matches the product against every open need: it gains, keeps (rescored) or loses its place in each.</summary>
    public Task<MatchRun> MatchProductAsync(Guid productId, CancellationToken ct) => db.InTransactionAsync(() => RunForProductAsync(productId, ct), ct);

    /// <summary>A closed need's matches are marked closed and kept as the record of what the buyer saw.</summary>
    public Task<int> CloseNeedAsync(Guid needId, CancellationToken ct) => MatchStore.CloseForNeedAsync(db, needId, ct);

    /// <summary>A withdrawn product leaves every open need.</summary>
    public async Task<int> RemoveProductAsync(Guid productId, CancellationToken ct)
    {
        var removed = await MatchStore.RemoveForProductAsync(db, productId, ct);
        MatchingTelemetry.MatchesRemoved.Add(removed);
        return removed;
    }

    private async Task<MatchRun> RunForNeedAsync(Guid needId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = MatchingTelemetry.Source.StartActivity("match need");
        activity?.SetTag("matching.need_id", needId);
        var (today, now) = (clock.Today(), clock.GetUtcNow());

        if (await CandidateQueries.LockNeedAsync(db, needId, ct) is not { } locked) return MatchRun.Nothing(NeedTrigger, needId);
        var need = locked.Need;
        if (locked.Status != "open" || need.ValidUntil < today)
        {
            await MatchStore.CloseForNeedAsync(db, needId, ct);
            return MatchRun.Nothing(NeedTrigger, needId);
        }

        await CandidateQueries.LockCategoryAsync(db, need.Category, exclusive: true, ct);
        var (kept, read, qualified) = await BestProductsAsync(need, today, ct);
        var changes = await MatchStore.ReplaceForNeedAsync(db, needId, kept, today, now, ct);
        await announcer.NeedMatchedAsync(need, changes.Added, ct);
        await db.SaveChangesAsync(ct);
        return Finish(NeedTrigger, needId, started, read, qualified, changes, activity);
    }

    /// <summary>
    /// The need's best products on <paramref name="today"/>, explained. Candidates arrive best score bound first, a page
    /// at a time; paging stops once the weakest kept match scores at least the bound of the last candidate read, since no
    /// unread candidate can then beat it. Returns the kept matches, the candidates read and how many of those qualified.
    /// </summary>
    private async Task<(List<ScoredMatch> Kept, int Read, int Qualified)> BestProductsAsync(NeedFacts need, DateOnly today, CancellationToken ct)
    {
        var max = options.Value.MaxMatchesPerNeed;
        var pageSize = Math.Max(2 * max, 200);
        var qualified = new List<(ProductFacts Product, TextHits Hits, Evaluation Evaluation)>();
        var read = 0;
        // Each page re-runs the filter and sort, so pages double: reading n candidates costs log n queries, not n / 200.
        for (var offset = 0; ; offset += pageSize, pageSize *= 2)
        {
            var page = await ProductCandidates.PageAsync(db, need, today, offset, pageSize, ct);
            read += page.Count;
            foreach (var (product, hits, _) in page)
            {
                var evaluation = MatchCriteria.Evaluate(product, need, hits, today);
                if (evaluation.Qualifies) qualified.Add((product, hits, evaluation));
            }
            if (page.Count < pageSize) break;
            qualified.Sort((a, b) => Rank(a.Evaluation, a.Product, b.Evaluation, b.Product));
            if (qualified.Count >= max && qualified[max - 1].Evaluation.Score + ScoreBound.Tolerance >= page[^1].Bound) break;
        }
        qualified.Sort((a, b) => Rank(a.Evaluation, a.Product, b.Evaluation, b.Product));
        var kept = qualified.Take(max)
            .Select(q => new ScoredMatch(q.Product, need, q.Evaluation, MatchExplainer.Explain(q.Product, need, q.Hits, q.Evaluation, today)))
            .ToList();
        return (kept, read, qualified.Count);
    }

    /// <summary>Best score first; equal scores by product id, as the trim in SQL orders them.</summary>
    private static int Rank(Evaluation a, ProductFacts pa, Evaluation b, ProductFacts pb) =>
        b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : pa.ProductId.CompareTo(pb.ProductId);

    private async Task<MatchRun> RunForProductAsync(Guid productId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = MatchingTelemetry.Source.StartActivity("match product");
        activity?.SetTag("matching.product_id", productId);
        var (today, now) = (clock.Today(), clock.GetUtcNow());

        if (await CandidateQueries.LockProductAsync(db, productId, ct) is not { } product)
        {
            await RemoveProductAsync(productId, ct);
            return MatchRun.Nothing(ProductTrigger, productId);
        }

        await CandidateQueries.LockCategoryAsync(db, product.Category, exclusive: false, ct);
        var candidates = await CandidateQueries.NeedsForProductAsync(db, product, today, ct);
        var kept = new List<ScoredMatch>();
        foreach (var (need, hits) in candidates)
        {
            var evaluation = MatchCriteria.Evaluate(product, need, hits, today);
            if (evaluation.Qualifies) kept.Add(new ScoredMatch(product, need, evaluation, MatchExplainer.Explain(product, need, hits, evaluation, today)));
        }

        var changes = await MatchStore.ReplaceForProductAsync(db, productId, kept, today, now, ct);
        // A need already holding its maximum keeps the product only if it beats the weakest match there.
        var dropped = await MatchStore.TrimAsync(db, [.. changes.Added.Select(a => a.NeedId)], options.Value.MaxMatchesPerNeed, ct);
        var needs = kept.ToDictionary(k => k.Need.NeedId, k => k.Need);
        var added = changes.Added.Where(a => !dropped.Contains(a.MatchId)).ToList();
        await MatchStore.SetRevalidationAsync(db, productId, product.NextValidityChangeAfter(today), ct);
        await announcer.ProductMatchedAsync([.. added.Select(a => (needs[a.NeedId], a))], ct);
        await db.SaveChangesAsync(ct);
        return Finish(ProductTrigger, productId, started, candidates.Count, kept.Count,
            changes with { Added = added, Removed = [.. changes.Removed, .. dropped] }, activity);
    }

    private MatchRun Finish(string trigger, Guid id, long started, int candidates, int qualified, MatchChanges changes, Activity? activity)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var tag = new KeyValuePair<string, object?>("trigger", trigger);
        MatchingTelemetry.ComputationDuration.Record(elapsed, tag);
        MatchingTelemetry.MatchesFound.Add(changes.Added.Count, tag);
        MatchingTelemetry.MatchesRemoved.Add(changes.Removed.Count, tag);
        activity?.SetTag("matching.candidates", candidates);
        activity?.SetTag("matching.qualified", qualified);
        activity?.SetTag("matching.added", changes.Added.Count);
        MatchingLog.Computed(logger, trigger, id, candidates, qualified, changes.Added.Count, changes.Updated, changes.Removed.Count, elapsed);
        return new MatchRun(trigger, id, candidates, qualified, changes.Added, changes.Updated, changes.Removed, elapsed);
    }
}
