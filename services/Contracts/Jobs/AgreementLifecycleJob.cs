using Matchmaking.Contracts.Agreements;
using Matchmaking.ContractSigning.Agreements;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;
using Matchmaking.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchmaking.ContractSigning.Jobs;

public sealed record LifecycleRun(int DeadlinesPassed, int TermsEnded, int Reminders);

/// <summary>
/// On start and every Signing:JobInterval: expires agreements whose signing deadline passed or whose term ended, and reminds
/// parties that have not signed as the deadline nears. Each agreement is handled in its own transaction
/// (<see cref="AgreementLifecycle"/>), so one failure holds back nothing else and a rerun does only what is left.
/// </summary>
public sealed class AgreementLifecycleJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SigningOptions> options,
    ILogger<AgreementLifecycleJob> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobSchedule.RunEveryAsync(options.Value.JobInterval, runOnStart: true, clock, RunOnceAsync,
            ex => ContractsLog.JobFailed(logger, nameof(AgreementLifecycleJob), ex), stoppingToken);

    /// <summary>One pass on the injected clock; what the schedule runs, and what tests call with a fake clock.</summary>
    public async Task<LifecycleRun> RunOnceAsync(CancellationToken ct)
    {
        using var activity = ContractsTelemetry.Source.StartActivity("agreement lifecycle run");
        var (now, today, remindFrom) = (clock.GetUtcNow(), clock.Today(), clock.GetUtcNow() + options.Value.ReminderBefore);
        List<Guid> expiring, reminding;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractsDbContext>();
            var outForSignature = db.Agreements.Where(a => a.Status == AgreementStatus.AwaitingSignatures || a.Status == AgreementStatus.PartiallySigned);
            expiring = await outForSignature.Where(a => a.SigningDeadline <= now)
                .Concat(db.Agreements.Where(a => a.Status == AgreementStatus.Active && a.EffectiveUntil < today))
                .Select(a => a.Id).ToListAsync(ct);
            reminding = await outForSignature.Where(a => a.SigningDeadline > now && a.SigningDeadline <= remindFrom)
                .OrderBy(a => a.SigningDeadline).Select(a => a.Id).ToListAsync(ct);
        }

        var (deadlines, terms, reminders) = (0, 0, 0);
        foreach (var id in expiring)
        {
            var reason = await InScopeAsync(lifecycle => lifecycle.ExpireAsync(id, ct));
            if (reason == AgreementExpiryReasons.SigningDeadlinePassed) deadlines++;
            else if (reason is not null) terms++;
        }
        foreach (var id in reminding) reminders += await InScopeAsync(lifecycle => lifecycle.RemindAsync(id, ct));

        activity?.SetTag("contracts.expired", deadlines + terms);
        activity?.SetTag("contracts.reminders", reminders);
        ContractsLog.LifecycleRun(logger, deadlines, terms, reminders);
        return new LifecycleRun(deadlines, terms, reminders);
    }

    private async Task<T> InScopeAsync<T>(Func<AgreementLifecycle, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(ActivatorUtilities.CreateInstance<AgreementLifecycle>(scope.ServiceProvider, clock));
    }
}
