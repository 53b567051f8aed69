using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Gateway.Extensions;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body the gateway forwards; a 5 MB product description stops here with a 413.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests one client (signed-in subject, else IP address) may make per window.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPermits { get; set; } = 200;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Services whose OpenAPI documents the API reference lists; each needs a route /openapi/{name}.json.</summary>
    [MinLength(1)]
    public string[] ApiDocuments { get; set; } = ["identity", "catalogue", "needs", "matching", "contracts"];
}
