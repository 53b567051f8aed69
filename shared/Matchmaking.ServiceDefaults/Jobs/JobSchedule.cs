using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Matchmaking.ServiceDefaults.Jobs;

/// <summary>
/// The loop every background job runs: a pass now (or after one interval), then one per interval on the injected clock,
/// until the host stops. A pass that fails for a passing reason (the database or a lock, a timeout) is reported and the
/// next tick tries again, since each pass picks up exactly what is left; anything else stops the job, loudly.
/// </summary>
public static class JobSchedule
{
    public static async Task RunEveryAsync(TimeSpan interval, bool runOnStart, TimeProvider clock, Func<CancellationToken, Task> pass,
        Action<Exception> reportFailure, CancellationToken stoppingToken)
    {
        if (!runOnStart) await Task.Delay(interval, clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (Exception ex) when (IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                reportFailure(ex);
            }
            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    public static bool IsTransient(Exception ex) => ex is DbUpdateException or NpgsqlException or InvalidOperationException or TimeoutException;
}
