using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Catalogue.Jobs;

public sealed class CertificateExpiryOptions
{
    public const string Section = "CertificateExpiry";

    /// <summary>Time between runs; a day in production.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Days before the last valid day that the renewal notice goes out.</summary>
    [Range(1, 180)]
    public int NoticeDays { get; set; } = 30;

    /// <summary>Run once as the service starts, so a restart after a missed day catches up at once.</summary>
    public bool RunOnStart { get; set; } = true;
}
