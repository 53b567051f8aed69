namespace Matchmaking.ContractSigning.Model;

/// <summary>Agreement dates are Vietnamese calendar dates; Vietnam keeps UTC+7 all year (no daylight saving).</summary>
public static class ContractsClock
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime);

    /// <summary>
    /// Now, cut to whole microseconds: PostgreSQL keeps no finer, and an audit entry's hash covers its time, so the time
    /// hashed must be the time stored.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
