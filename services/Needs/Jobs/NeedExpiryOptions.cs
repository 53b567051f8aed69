using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Needs.Jobs;

public sealed class NeedExpiryOptions
{
    public const string Section = "NeedExpiry";

    /// <summary>Time between runs. Needs lapse at midnight Vietnamese time, so an hour keeps them at most an hour late.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Run once as the service starts, so a restart after downtime catches up at once.</summary>
    public bool RunOnStart { get; set; } = true;
}
