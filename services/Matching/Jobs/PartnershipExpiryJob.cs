using Matchmaking.Matching.Data;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Partnerships;
using Matchmaking.Matching.Services;
using Matchmaking.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchmaking.Matching.Jobs;

/// <summary>
/// Expires requests nobody answered before their deadline. Each expiry is the same conditional transition an answer is,
/// so a supplier accepting at the last moment and the job never both win; replicas can run it side by side.
/// </summary>
public sealed class PartnershipExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PartnershipOptions> options,
    ILogger<PartnershipExpiryJob> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobSchedule.RunEveryAsync(options.Value.ExpiryCheckInterval, runOnStart: true, clock, RunOnceAsync,
            ex => MatchingLog.JobFailed(logger, nameof(PartnershipExpiryJob), ex), stoppingToken);

    /// <summary>One pass on the injected clock; what the schedule runs, and what tests call with a fake clock.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var activity = MatchingTelemetry.Source.StartActivity("partnership expiry run");
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
            due = await db.Partnerships.Where(p => p.Status == PartnershipStatus.Requested && p.ExpiresAt <= now)
                .OrderBy(p => p.ExpiresAt).Select(p => p.Id).ToListAsync(ct);
        }
        var expired = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var service = ActivatorUtilities.CreateInstance<PartnershipService>(scope.ServiceProvider, clock);
            if (await service.ExpireAsync(id, ct)) expired++;
        }
        activity?.SetTag("matching.partnerships_expired", expired);
        MatchingLog.ExpiryCompleted(logger, expired);
        return expired;
    }
}
