using Matchmaking.Catalogue.Search;
using Matchmaking.Catalogue.Search.Elasticsearch;
using Microsoft.Extensions.Options;

namespace Matchmaking.Catalogue.Search.ContractTests;

/// <summary>
/// The contract against the Elasticsearch adapter, on the node ELASTICSEARCH_URL names (e.g. the docker-compose one),
/// each index uniquely named and deleted afterwards. Without ELASTICSEARCH_URL every test reports as skipped.
/// </summary>
public sealed class ElasticsearchSearchIndexContractTests(ElasticsearchSearchIndexFixture fixture)
    : ProductSearchIndexContract(fixture), IClassFixture<ElasticsearchSearchIndexFixture>;

public sealed class ElasticsearchSearchIndexFixture : SearchIndexFixture
{
    private readonly string? _url = Environment.GetEnvironmentVariable("ELASTICSEARCH_URL") is { Length: > 0 } url ? url : null;
    private readonly List<(string Name, HttpClient Http)> _indexes = [];

    public override bool Available => _url is not null;
    public override string SkipReason => "ELASTICSEARCH_URL is not set: no Elasticsearch node to run the contract against";

    public override async Task<IProductSearchIndex> CreateIndexAsync()
    {
        var options = new ElasticsearchOptions
        {
            Url = _url!,
            IndexName = $"products-test-{Guid.NewGuid():N}",
            // A search right after a write must see it, as it does with PostgreSQL.
            Refresh = "true",
            ApiKey = Environment.GetEnvironmentVariable("ELASTICSEARCH_API_KEY"),
        };
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        lock (_indexes) _indexes.Add((options.IndexName, http));
        var index = new ElasticsearchProductSearchIndex(http, Options.Create(options));
        await index.EnsureCreatedAsync(CancellationToken.None);
        return index;
    }

    public override async Task DisposeAsync()
    {
        foreach (var (name, http) in _indexes)
        {
            using (http)
            {
                await http.DeleteAsync(name);
                await http.DeleteAsync($"_index_template/{name}-template");
            }
        }
    }
}
