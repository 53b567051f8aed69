namespace Matchmaking.Matching.Model;

/// <summary>Certificate and need dates are Vietnamese calendar dates; Vietnam keeps UTC+7 all year (no daylight saving).</summary>
public static class MatchingClock
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime);
}
