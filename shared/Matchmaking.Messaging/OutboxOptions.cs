using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How long the relay sleeps when nothing signals it; the safety net for missed signals.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Time allowed for one publish (including the broker's confirm) before the row is retried later.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between retries while the broker is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent rows and inbox records older than this are deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
