using System.ComponentModel.DataAnnotations;

namespace Matchmaking.Catalogue.Search.Elasticsearch;

/// <summary>Where the Elasticsearch adapter finds its node and index ("Search:Elasticsearch"); validated on start.</summary>
public sealed class ElasticsearchOptions
{
    public const string Section = "Search:Elasticsearch";

    /// <summary>The node or load balancer, e.g. http://elasticsearch:9200. Falls back to ELASTICSEARCH_URL.</summary>
    [Required, Url]
    public string Url { get; set; } = "";

    /// <summary>The index (and the name its template is derived from); lowercase, as Elasticsearch requires.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9_.-]{0,200}$")]
    public string IndexName { get; set; } = "products";

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>An encoded API key (the "encoded" value Elasticsearch returns); preferred over a user and password.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The refresh parameter on writes: "false" leaves it to the index's 1 s refresh interval (enough for "findable within
    /// a second" and cheap under load); tests use "true" so a search right after a write sees it, as with PostgreSQL.
    /// </summary>
    [Required, RegularExpression("^(false|true|wait_for)$")]
    public string Refresh { get; set; } = "false";
}
