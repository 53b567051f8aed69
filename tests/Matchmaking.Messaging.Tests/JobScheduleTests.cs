using Matchmaking.ServiceDefaults.Jobs;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Matchmaking.Messaging.Tests;

/// <summary>The loop the background jobs (certificate, need and partnership expiry, match revalidation) run on.</summary>
public sealed class JobScheduleTests
{
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    [Fact]
    public async Task A_job_runs_at_start_and_then_once_per_interval_on_the_clock()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var passes = 0;
        var loop = JobSchedule.RunEveryAsync(TimeSpan.FromHours(24), runOnStart: true, clock,
            _ => { Interlocked.Increment(ref passes); return Task.CompletedTask; }, _ => { }, stop.Token);

        await Until(() => passes == 1);
        clock.Advance(TimeSpan.FromHours(23));
        await Task.Delay(50);
        Assert.Equal(1, passes);
        clock.Advance(TimeSpan.FromHours(1));
        await Until(() => passes == 2);

        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }

    [Fact]
    public async Task A_job_not_run_at_start_waits_one_interval_first()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var passes = 0;
        _ = JobSchedule.RunEveryAsync(TimeSpan.FromMinutes(5), runOnStart: false, clock,
            _ => { Interlocked.Increment(ref passes); return Task.CompletedTask; }, _ => { }, stop.Token);

        await Task.Delay(50);
        Assert.Equal(0, passes);
        clock.Advance(TimeSpan.FromMinutes(5));
        await Until(() => passes == 1);
        stop.Cancel();
    }

    [Fact]
    public async Task A_pass_that_fails_for_a_passing_reason_is_reported_and_the_next_tick_runs_again()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var (passes, reported) = (0, new List<Exception>());
        _ = JobSchedule.RunEveryAsync(TimeSpan.FromMinutes(1), runOnStart: true, clock,
            _ => Interlocked.Increment(ref passes) == 1 ? throw new TimeoutException("database busy") : Task.CompletedTask,
            ex => { lock (reported) reported.Add(ex); }, stop.Token);

        await Until(() => passes == 1);
        await Until(() => reported.Count == 1);
        clock.Advance(TimeSpan.FromMinutes(1));
        await Until(() => passes == 2);
        Assert.IsType<TimeoutException>(Assert.Single(reported));
        stop.Cancel();
    }

    [Fact]
    public async Task A_pass_that_fails_for_any_other_reason_stops_the_job()
    {
        var loop = JobSchedule.RunEveryAsync(TimeSpan.FromMinutes(1), runOnStart: true, new FakeTimeProvider(),
            _ => throw new ArgumentException("a bug"), _ => Assert.Fail("a bug must not be reported as passing"), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => loop);
    }
}
