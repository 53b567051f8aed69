using System.Diagnostics;
using System.Diagnostics.Metrics;
using Matchmaking.Catalogue.Data;
using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Services;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchmaking.Catalogue.Jobs;

public sealed record ExpiryRunResult(int Notices, int Expired, int ProductsRepublished);

/// <summary>
/// Daily: sends renewal notices for certificates near their last valid day, and expires the ones past it, re-announcing
/// every published product that cites them (their badge no longer holds). Each certificate is handled in its own transaction
/// with its events, so one failure does not hold back the rest and a rerun picks up exactly what is left.
/// Safe to run on several replicas: a concurrent run loses on the row lock and skips.
/// </summary>
public sealed class CertificateExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CertificateExpiryOptions> options,
    ILogger<CertificateExpiryJob> logger) : BackgroundService
{
    internal static readonly ActivitySource Source = new("Matchmaking.Catalogue.Jobs");
    private static readonly Meter Meter = new("Matchmaking.Catalogue.Jobs");
    private static readonly Counter<long> Notices = Meter.CreateCounter<long>("catalogue.certificates.renewal_notices");
    private static readonly Counter<long> Expirations = Meter.CreateCounter<long>("catalogue.certificates.expired");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobSchedule.RunEveryAsync(options.Value.Interval, options.Value.RunOnStart, clock, RunOnceAsync,
            ex => CatalogueLog.ExpiryRunFailed(logger, ex), stoppingToken);

    /// <summary>One pass on the injected clock's date; what the schedule runs, and what tests call with a fake clock.</summary>
    public async Task<ExpiryRunResult> RunOnceAsync(CancellationToken ct)
    {
        using var activity = Source.StartActivity("certificate expiry run");
        var today = clock.Today();
        var noticeHorizon = today.AddDays(options.Value.NoticeDays);
        var (notices, expired, republished) = (0, 0, 0);

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            var dueIds = await db.Certificates.Where(c => c.Status == CertificateStatus.Active && c.ExpiryNoticeSentAt == null
                    && c.ValidUntil != null && c.ValidUntil >= today && c.ValidUntil <= noticeHorizon)
                .Select(c => c.Id).ToListAsync(ct);
            var lapsedIds = await db.Certificates.Where(c => c.Status == CertificateStatus.Active && c.ValidUntil != null && c.ValidUntil < today)
                .Select(c => c.Id).ToListAsync(ct);
            foreach (var id in dueIds) if (await NoticeAsync(id, today, ct)) notices++;
            foreach (var id in lapsedIds)
            {
                var count = await ExpireAsync(id, today, ct);
                if (count is null) continue;
                expired++;
                republished += count.Value;
            }
        }
        Notices.Add(notices);
        Expirations.Add(expired);
        activity?.SetTag("catalogue.notices", notices);
        activity?.SetTag("catalogue.expired", expired);
        CatalogueLog.ExpiryRunCompleted(logger, today, notices, expired, republished);
        return new ExpiryRunResult(notices, expired, republished);
    }

    private async Task<bool> NoticeAsync(Guid id, DateOnly today, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var certificate = await LockAsync(db, id, ct);
        if (certificate is null || !certificate.IsDueForRenewalNotice(today, options.Value.NoticeDays)) return false;
        certificate.MarkRenewalNoticeSent(clock.GetUtcNow());
        db.PublishOnCommit(new CertificationExpiring
        {
            CertificateId = certificate.Id, SupplierId = certificate.SupplierId, SchemeCode = certificate.SchemeCode,
            Number = certificate.Number, ValidUntil = certificate.ValidUntil!.Value, OccurredAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Returns the number of published products re-announced, or null when the certificate needed nothing.</summary>
    private async Task<int?> ExpireAsync(Guid id, DateOnly today, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var certificate = await LockAsync(db, id, ct);
        if (certificate is null || !certificate.HasLapsed(today)) return null;
        certificate.MarkExpired(clock.GetUtcNow());
        var affected = await db.Claiming(id).Select(p => p.Id).ToListAsync(ct);
        var republished = await ProductEvents.RepublishAsync(db, db.Claiming(id), clock, ct);
        db.PublishOnCommit(new CertificationExpired
        {
            CertificateId = certificate.Id, SupplierId = certificate.SupplierId, SchemeCode = certificate.SchemeCode,
            Number = certificate.Number, ValidUntil = certificate.ValidUntil!.Value, AffectedProductIds = affected, OccurredAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return republished.Count;
    }

    private static async Task<Certificate?> LockAsync(CatalogueDbContext db, Guid id, CancellationToken ct) =>
        (await db.Certificates.FromSqlInterpolated($"SELECT * FROM certificates WHERE \"Id\" = {id} FOR UPDATE SKIP LOCKED").ToListAsync(ct))
        .SingleOrDefault();
}
