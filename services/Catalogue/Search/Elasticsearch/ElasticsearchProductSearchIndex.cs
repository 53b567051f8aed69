using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Matchmaking.Catalogue.Search.Elasticsearch;

/// <summary>
/// The Elasticsearch 8 adapter, over the REST API (no .NET client can be installed here). Order safety comes from
/// external versioning: Elasticsearch itself refuses a write whose version is not newer than the stored one, so two
/// consumers racing on one product need no lock. Logs carry product ids and counts only, never text or documents.
/// </summary>
public sealed partial class ElasticsearchProductSearchIndex(
    HttpClient http, IOptions<ElasticsearchOptions> options, ILogger<ElasticsearchProductSearchIndex>? logger = null) : IProductSearchIndex
{
    private const int BulkChunk = 500;
    private readonly ElasticsearchOptions _options = options.Value;
    private readonly HttpClient _http = Configure(http, options.Value);
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    private string Index => _options.IndexName;
    private string Refresh => "refresh=" + _options.Refresh;

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        var template = ElasticsearchIndexDefinition.TemplateName(Index);
        await SendOkAsync(HttpMethod.Put, $"_index_template/{template}", ElasticsearchIndexDefinition.Template(Index), "put index template", ct);
        using var head = await SendAsync(HttpMethod.Head, Index, null, ct);
        if (head.StatusCode == HttpStatusCode.OK) return;
        if (head.StatusCode != HttpStatusCode.NotFound) throw new ElasticsearchRequestException("check index", head.StatusCode, null);

        // The template supplies settings and mappings; a replica starting at the same moment may win the race, which is fine.
        using var create = await SendAsync(HttpMethod.Put, Index, new JsonObject(), ct);
        var error = await ErrorTypeAsync(create, ct);
        if (create.IsSuccessStatusCode) LogIndexCreated(_logger, Index);
        else if (error != "resource_already_exists_exception") throw new ElasticsearchRequestException("create index", create.StatusCode, error);
    }

    public async Task<bool> UpsertAsync(SearchDocument document, CancellationToken ct)
    {
        var path = $"{Index}/_doc/{document.ProductId}?version={document.Version}&version_type=external&{Refresh}";
        using var response = await SendAsync(HttpMethod.Put, path, ElasticsearchDocuments.Source(document), ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            LogStale(_logger, document.ProductId, document.Version);
            return false;
        }
        await EnsureSuccessAsync(response, "index document", ct);
        return true;
    }

    public async Task<bool> RemoveAsync(Guid productId, long version, CancellationToken ct)
    {
        // Already a tombstone at this version or later: nothing to do (the PostgreSQL adapter answers false here too).
        using (var current = await SendAsync(HttpMethod.Get, $"{Index}/_doc/{productId}?_source_includes=deleted", null, ct))
        {
            if (current.IsSuccessStatusCode)
            {
                using var json = await ReadJsonAsync(current, ct);
                var root = json.RootElement;
                if (root.GetProperty("found").GetBoolean() && root.GetProperty("_version").GetInt64() >= version
                    && root.GetProperty("_source").TryGetProperty("deleted", out var deleted) && deleted.GetBoolean())
                    return false;
            }
        }
        // external_gte: a withdrawal wins over the live document of the same version; the write itself stays order-safe
        // whatever happened since the read above.
        var path = $"{Index}/_doc/{productId}?version={version}&version_type=external_gte&{Refresh}";
        using var response = await SendAsync(HttpMethod.Put, path, ElasticsearchDocuments.Tombstone(productId, version), ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            LogStale(_logger, productId, version);
            return false;
        }
        await EnsureSuccessAsync(response, "write tombstone", ct);
        return true;
    }

    public async Task BulkUpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken ct)
    {
        foreach (var chunk in documents.Chunk(BulkChunk))
        {
            var body = new StringBuilder();
            foreach (var d in chunk)
            {
                var action = new JsonObject
                {
                    ["index"] = new JsonObject { ["_index"] = Index, ["_id"] = d.ProductId, ["version"] = d.Version, ["version_type"] = "external" },
                };
                body.Append(action.ToJsonString()).Append('\n').Append(ElasticsearchDocuments.Source(d).ToJsonString()).Append('\n');
            }
            using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"_bulk?{Refresh}") { Content = content };
            using var response = await _http.SendAsync(request, ct);
            await EnsureSuccessAsync(response, "bulk index", ct);
            using var json = await ReadJsonAsync(response, ct);
            var (stale, failed) = (0, new List<(Guid Id, string? Type, int Status)>());
            foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            {
                var result = item.GetProperty("index");
                var status = result.GetProperty("status").GetInt32();
                if (status == (int)HttpStatusCode.Conflict) stale++;
                else if (status >= 300)
                    failed.Add((Guid.Parse(result.GetProperty("_id").GetString()!), result.TryGetProperty("error", out var e) ? e.GetProperty("type").GetString() : null, status));
            }
            LogBulk(_logger, chunk.Length, stale, failed.Count);
            if (failed.Count > 0)
            {
                LogBulkFailures(_logger, string.Join(",", failed.Take(20).Select(f => f.Id)));
                throw new ElasticsearchRequestException("bulk index", (HttpStatusCode)failed[0].Status, failed[0].Type);
            }
        }
    }

    public async Task ClearAsync(CancellationToken ct)
    {
        // Deleting the index, not its documents: delete_by_query would leave version tombstones for index.gc_deletes,
        // and a rebuild re-sending the same versions right after would be refused as stale.
        using (var response = await SendAsync(HttpMethod.Delete, Index, null, ct))
            if (response.StatusCode != HttpStatusCode.NotFound) await EnsureSuccessAsync(response, "delete index", ct);
        await EnsureCreatedAsync(ct);
    }

    public async Task<SearchResult> SearchAsync(ProductSearchQuery query, CancellationToken ct)
    {
        using var json = await SendOkAsync(HttpMethod.Post, $"{Index}/_search", ElasticsearchQueries.Search(query), "search", ct);
        return ElasticsearchResponses.Result(query, json.RootElement);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken ct)
    {
        var text = SearchText.Sanitise(prefix);
        if (text.Length == 0 || limit < 1) return [];
        limit = Math.Min(limit, 50);
        // Several products share a village or a name, so ask for more hits than suggestions wanted.
        var body = ElasticsearchSuggestions.Query(text, Math.Min(limit * 5, 200));
        using var json = await SendOkAsync(HttpMethod.Post, $"{Index}/_search", body, "suggest", ct);
        return ElasticsearchSuggestions.Read(json.RootElement, limit);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await _http.SendAsync(request, ct);
    }

    private async Task<JsonDocument> SendOkAsync(HttpMethod method, string path, JsonNode body, string operation, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, body, ct);
        await EnsureSuccessAsync(response, operation, ct);
        return await ReadJsonAsync(response, ct);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await JsonDocument.ParseAsync(stream, cancellationToken: ct);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new ElasticsearchRequestException(operation, response.StatusCode, await ErrorTypeAsync(response, ct));
    }

    private static async Task<string?> ErrorTypeAsync(HttpResponseMessage response, CancellationToken ct) =>
        response.IsSuccessStatusCode ? null : ElasticsearchResponses.ErrorType(await response.Content.ReadAsStringAsync(ct));

    /// <summary>Base address and credentials from the options, unless the caller's client already has them.</summary>
    private static HttpClient Configure(HttpClient http, ElasticsearchOptions o)
    {
        http.BaseAddress ??= new Uri(o.Url.EndsWith('/') ? o.Url : o.Url + "/");
        if (http.DefaultRequestHeaders.Authorization is null)
        {
            if (!string.IsNullOrEmpty(o.ApiKey))
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", o.ApiKey);
            else if (!string.IsNullOrEmpty(o.Username))
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.Username}:{o.Password}")));
        }
        return http;
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "Search index ignored stale version {Version} of product {ProductId}")]
    private static partial void LogStale(ILogger logger, Guid productId, long version);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Search index bulk write: {Count} documents, {Stale} stale, {Failed} failed")]
    private static partial void LogBulk(ILogger logger, int count, int stale, int failed);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Search index bulk write failed for products {ProductIds}")]
    private static partial void LogBulkFailures(ILogger logger, string productIds);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "Created search index {Index}")]
    private static partial void LogIndexCreated(ILogger logger, string index);
}
