using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Matching.Partnerships;

public sealed class PartnershipOptions
{
    public const string Section = "Partnerships";

    /// <summary>How long a supplier has to answer a request before it expires.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Time between runs of the expiry job; a request expires at most this long after its deadline.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
