using System.Diagnostics;
using System.Diagnostics.Metrics;
using Matchmaking.Needs.Data;
using Matchmaking.Needs.Model;
using Matchmaking.Needs.Services;
using Matchmaking.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchmaking.Needs.Jobs;

/// <summary>
/// Expires open needs past their last valid day and announces NeedClosed (reason "expired"), so matching stops
/// ranking products for them. Each need is handled in its own transaction with its event, so one failure does not hold
/// back the rest and a rerun picks up exactly what is left. Safe to run on several replicas: a concurrent run loses on
/// the row lock and skips, and a retailer closing the same need at the same moment loses on the row version.
/// </summary>
public sealed class NeedExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NeedExpiryOptions> options,
    ILogger<NeedExpiryJob> logger) : BackgroundService
{
    internal static readonly ActivitySource Source = new("Matchmaking.Needs.Jobs");
    private static readonly Meter Meter = new("Matchmaking.Needs.Jobs");
    private static readonly Counter<long> Expirations = Meter.CreateCounter<long>("needs.expired");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobSchedule.RunEveryAsync(options.Value.Interval, options.Value.RunOnStart, clock, RunOnceAsync,
            ex => NeedsLog.ExpiryRunFailed(logger, ex), stoppingToken);

    /// <summary>One pass on the injected clock's date; what the schedule runs, and what tests call with a fake clock. Returns the number expired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var activity = Source.StartActivity("need expiry run");
        var today = clock.Today();
        List<Guid> lapsedIds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NeedsDbContext>();
            lapsedIds = await db.Needs.Where(n => n.Status == NeedStatus.Open && n.ValidUntil < today).Select(n => n.Id).ToListAsync(ct);
        }
        var expired = 0;
        foreach (var id in lapsedIds)
            if (await ExpireAsync(id, today, ct)) expired++;

        Expirations.Add(expired);
        activity?.SetTag("needs.expired", expired);
        NeedsLog.ExpiryRunCompleted(logger, today, expired);
        return expired;
    }

    private async Task<bool> ExpireAsync(Guid id, DateOnly today, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NeedsDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // xmin is a system column that SELECT * leaves out; the row version is mapped to it.
        var need = (await db.Needs.FromSqlInterpolated($"SELECT n.*, n.xmin FROM needs n WHERE n.\"Id\" = {id} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct)).SingleOrDefault();
        if (need is null || !need.HasLapsed(today)) return false;
        need.Expire(clock.GetUtcNow());
        NeedEvents.Closed(db, need, clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        NeedsLog.NeedStatusChanged(logger, need.Id, need.RetailerId, "expired", need.Version);
        return true;
    }
}
