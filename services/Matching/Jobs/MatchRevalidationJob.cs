using Matchmaking.Matching.Data;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Services;
using Matchmaking.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Matching.Jobs;

/// <summary>
/// Daily: rematches every product whose certificates start or stop counting today (or on a day a stopped service
/// missed), so a lapsed certificate demotes or removes its matches even when no event says so. Each product is its own
/// transaction; one that fails stays due and is picked up by the next run.
/// </summary>
public sealed class MatchRevalidationJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MatchingOptions> options,
    ILogger<MatchRevalidationJob> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobSchedule.RunEveryAsync(options.Value.RevalidateInterval, options.Value.RevalidateOnStart, clock, RunOnceAsync,
            ex => MatchingLog.JobFailed(logger, nameof(MatchRevalidationJob), ex), stoppingToken);

    /// <summary>One pass on the injected clock's date; what the schedule runs, and what tests call with a fake clock.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var activity = MatchingTelemetry.Source.StartActivity("match revalidation run");
        var today = clock.Today();
        var due = new List<Guid>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
            await using var command = (await db.CommandAsync(
                    "SELECT product_id FROM products WHERE NOT withdrawn AND revalidate_on <= $1 ORDER BY revalidate_on, product_id", ct))
                .With(today, NpgsqlDbType.Date);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) due.Add(reader.GetGuid(0));
        }

        var rematched = 0;
        foreach (var productId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            // The engine judges certificates on this job's clock, so a test's fake day is the matching day.
            var engine = ActivatorUtilities.CreateInstance<MatchEngine>(scope.ServiceProvider, clock);
            try
            {
                await engine.MatchProductAsync(productId, ct);
                rematched++;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                MatchingLog.JobFailed(logger, nameof(MatchRevalidationJob), ex);
            }
        }
        activity?.SetTag("matching.rematched", rematched);
        MatchingLog.RevalidationCompleted(logger, today, rematched);
        return rematched;
    }
}
