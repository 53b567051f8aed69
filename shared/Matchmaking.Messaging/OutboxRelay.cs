using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Matchmaking.Messaging;

/// <summary>
/// Publishes committed outbox rows in commit order with broker confirms, then marks them sent.
/// A failed publish leaves the row pending and backs off, so a broker outage delays but never drops.
/// Rows are locked with SKIP LOCKED, so several replicas of a service can relay side by side.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private static readonly Dictionary<string, Type?> Types = [];
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (sent, failed) = await RelayBatchAsync(stoppingToken);
                failures = failed ? failures + 1 : 0;
                if (failed)
                {
                    await Task.Delay(Backoff(failures), clock, stoppingToken);
                    continue;
                }
                if (sent == options.Value.BatchSize) continue;
                await CleanupIfDueAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The database itself is unreachable: wait and retry, the rows are safe where they are.
                failures++;
                LogRelayError(logger, ex);
                await Task.Delay(Backoff(failures), clock, stoppingToken);
            }
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(options.Value.MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures, 16))));

    /// <summary>Publishes one batch. Stops at the first failure so later rows never overtake earlier ones.</summary>
    internal async Task<(int Sent, bool Failed)> RelayBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY sequence LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (batch.Count == 0) return (0, false);

        var sent = 0;
        var failed = false;
        foreach (var row in batch)
        {
            if (!await TryPublishAsync(row, ct)) { failed = true; break; }
            row.SentAt = clock.GetUtcNow();
            sent++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (sent, failed);
    }

    private async Task<bool> TryPublishAsync(OutboxMessage row, CancellationToken ct)
    {
        var type = ResolveType(row.MessageType);
        if (type is null)
        {
            // A type this build does not know cannot be published by it; leave it for a build that does.
            row.Attempts++;
            row.LastError = "unknown message type";
            LogUnknownType(logger, row.Id, row.MessageType);
            return false;
        }

        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        activity?.SetTag("messaging.message.type", type.Name);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            var message = JsonSerializer.Deserialize(row.Body, type, OutboxDbContextExtensions.Json)!;
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = row.Id;
                if (row.CorrelationId is not null) context.Headers.Set("x-correlation-id", row.CorrelationId);
            }), timeout.Token);
            MessagingTelemetry.Published.Add(1, new KeyValuePair<string, object?>("message.type", type.Name));
            MessagingTelemetry.Delay.Record((clock.GetUtcNow() - row.CreatedAt).TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            row.Attempts++;
            row.LastError = ex.GetType().Name + ": " + Truncate(ex.Message, 1500);
            MessagingTelemetry.PublishFailures.Add(1);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogPublishFailed(logger, row.Id, type.Name, row.Attempts, ex.GetType().Name);
            return false;
        }
    }

    private async Task CleanupIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup) return;
        _nextCleanup = now.AddHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var cutoff = now - options.Value.Retention;
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(ct);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    private static Type? ResolveType(string name)
    {
        lock (Types)
        {
            if (!Types.TryGetValue(name, out var type))
            {
                type = Type.GetType(name, throwOnError: false);
                Types[name] = type;
            }
            return type;
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox publish of {MessageId} ({MessageType}) failed, attempt {Attempts}: {Error}; it stays pending")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string messageType, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {MessageId} names type {MessageType}, which this build cannot load")]
    private static partial void LogUnknownType(ILogger logger, Guid messageId, string messageType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not reach its database; retrying")]
    private static partial void LogRelayError(ILogger logger, Exception ex);
}
