using Matchmaking.Needs.Data;
using Matchmaking.Needs.Model;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Needs.Services;

/// <summary>
/// <c>dotnet Needs.Api.dll replay-open-needs</c>: queues NeedUpdated for every open need at its current version, for a
/// consumer whose read model started after the needs were announced (a new matching database). Consumers already holding
/// that version ignore it. The rows wait in the outbox for the running service's relay; the command starts nothing else.
/// </summary>
public static class NeedReplay
{
    public const string Verb = "replay-open-needs";
    private const int BatchSize = 500;

    /// <summary>Runs the replay when <paramref name="args"/> ask for it; false means start the service as usual.</summary>
    public static async Task<bool> TryRunReplayCommandAsync(this WebApplication app, string[] args)
    {
        if (!args.Contains(Verb)) return false;
        var count = await ReplayAsync(app.Services, app.Lifetime.ApplicationStopping);
        Console.WriteLine($"Queued NeedUpdated for {count} open needs; the running needs service sends them.");
        return true;
    }

    public static async Task<int> ReplayAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NeedsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await db.Database.MigrateAsync(ct);

        var ids = await db.Needs.Where(n => n.Status == NeedStatus.Open).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            foreach (var need in await db.Needs.Where(n => chunk.Contains(n.Id)).ToListAsync(ct))
                await NeedEvents.UpdatedAsync(db, need, clock, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return ids.Count;
    }
}
