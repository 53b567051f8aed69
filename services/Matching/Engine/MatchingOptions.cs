using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Matching.Engine;

public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>The best matches kept per need; the rest are not stored or announced.</summary>
    [Range(1, 1000)]
    public int MaxMatchesPerNeed { get; set; } = 100;

    /// <summary>Time between runs of the job that rematches products whose certificates start or stop counting; a day in production.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RevalidateInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Run once as the service starts, so a restart after a missed day catches up at once.</summary>
    public bool RevalidateOnStart { get; set; } = true;
}
