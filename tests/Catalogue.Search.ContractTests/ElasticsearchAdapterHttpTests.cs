using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Matchmaking.Catalogue.Search;
using Matchmaking.Catalogue.Search.Elasticsearch;
using Microsoft.Extensions.Options;
using static Matchmaking.Catalogue.Search.ContractTests.FixtureProducts;

namespace Matchmaking.Catalogue.Search.ContractTests;

/// <summary>
/// The adapter's HTTP conversation against scripted answers in Elasticsearch's documented shapes: which requests it
/// makes and how it reads statuses, bulk items, hits and aggregations. No substitute for the contract run on a node.
/// </summary>
public sealed class ElasticsearchAdapterHttpTests
{
    private readonly Scripted _es = new();
    private readonly ElasticsearchProductSearchIndex _index;

    public ElasticsearchAdapterHttpTests() =>
        _index = new ElasticsearchProductSearchIndex(new HttpClient(_es), Options.Create(new ElasticsearchOptions { Url = "http://es.test:9200" }));

    [Fact]
    public async Task Upsert_writes_with_the_external_version_and_reads_a_conflict_as_stale()
    {
        _es.Answer(HttpStatusCode.Created, "{}");
        _es.Answer(HttpStatusCode.Conflict, """{"error":{"type":"version_conflict_engine_exception"},"status":409}""");

        Assert.True(await _index.UpsertAsync(Get(BatTrangVase) with { Version = 7 }, default));
        Assert.False(await _index.UpsertAsync(Get(BatTrangVase) with { Version = 6 }, default));

        var (method, path, body) = _es.Requests[0];
        Assert.Equal("PUT", method);
        Assert.Equal($"/products/_doc/{BatTrangVase}?version=7&version_type=external&refresh=false", path);
        Assert.Contains("\"deleted\":false", body);
    }

    [Fact]
    public async Task Remove_leaves_a_tombstone_that_wins_a_tie_and_skips_an_older_removal()
    {
        _es.Answer(HttpStatusCode.OK, """{"found":true,"_version":4,"_source":{"deleted":false}}""");
        _es.Answer(HttpStatusCode.OK, "{}");
        _es.Answer(HttpStatusCode.OK, """{"found":true,"_version":4,"_source":{"deleted":true}}""");

        Assert.True(await _index.RemoveAsync(BatTrangVase, 4, default));
        Assert.False(await _index.RemoveAsync(BatTrangVase, 3, default));

        Assert.Equal($"/products/_doc/{BatTrangVase}?version=4&version_type=external_gte&refresh=false", _es.Requests[1].Path);
        Assert.Contains("\"deleted\":true", _es.Requests[1].Body);
        Assert.Equal(3, _es.Requests.Count); // no write for the older removal
    }

    [Fact]
    public async Task Bulk_sends_ndjson_ignores_version_conflicts_and_throws_on_other_failures()
    {
        _es.Answer(HttpStatusCode.OK, ("""{"errors":true,"items":[{"index":{"_id":"@BatTrangVase@","status":201}},{"index":{"_id":"@KimLanTeaSet@","status":409,"error":{"type":"version_conflict_engine_exception"}}}]}""").Replace("@BatTrangVase@", BatTrangVase.ToString()).Replace("@KimLanTeaSet@", KimLanTeaSet.ToString()));
        _es.Answer(HttpStatusCode.OK, ("""{"errors":true,"items":[{"index":{"_id":"@BatTrangVase@","status":400,"error":{"type":"document_parsing_exception","reason":"Gốm sứ"}}}]}""").Replace("@BatTrangVase@", BatTrangVase.ToString()));

        await _index.BulkUpsertAsync([Get(BatTrangVase), Get(KimLanTeaSet)], default);
        var error = await Assert.ThrowsAsync<ElasticsearchRequestException>(() => _index.BulkUpsertAsync([Get(BatTrangVase)], default));

        var lines = _es.Requests[0].Body.Split('\n');
        Assert.Equal(5, lines.Length); // two action and source pairs, then the final newline the bulk API requires
        Assert.Equal("", lines[4]);
        Assert.Equal(("""{"index":{"_index":"products","_id":"@BatTrangVase@","version":1,"version_type":"external"}}""").Replace("@BatTrangVase@", BatTrangVase.ToString()), lines[0]);
        Assert.Equal("document_parsing_exception", error.ErrorType);
        Assert.DoesNotContain("Gốm", error.Message);
    }

    [Fact]
    public async Task Ensure_created_puts_the_template_and_creates_a_missing_index_and_clear_recreates_it()
    {
        _es.Answer(HttpStatusCode.OK, "{}");
        _es.Answer(HttpStatusCode.NotFound, "");
        _es.Answer(HttpStatusCode.BadRequest, """{"error":{"type":"resource_already_exists_exception"}}""");
        _es.Answer(HttpStatusCode.NotFound, """{"error":{"type":"index_not_found_exception"}}""");
        _es.Answer(HttpStatusCode.OK, "{}");
        _es.Answer(HttpStatusCode.OK, "");

        await _index.EnsureCreatedAsync(default);
        await _index.ClearAsync(default);

        Assert.Equal(["PUT /_index_template/products-template", "HEAD /products", "PUT /products", "DELETE /products",
            "PUT /_index_template/products-template", "HEAD /products"], _es.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Search_reads_hits_totals_and_facets_and_explains_from_the_source()
    {
        var source = ElasticsearchDocuments.Source(Get(TranhKhucRiceCakes));
        _es.Answer(HttpStatusCode.OK, ("""
            {"hits":{"total":{"value":1,"relation":"eq"},"hits":[{"_id":"@TranhKhucRiceCakes@","_score":0.276,"_source":@source.ToJsonString()@}]},
             "aggregations":{
               "category":{"doc_count":3,"values":{"buckets":[{"key":"ceramics","doc_count":2},{"key":"processed-food","doc_count":2}]}},
               "scheme":{"doc_count":1,"values":{"doc_count":2,"counting":{"doc_count":2,"values":{"buckets":[{"key":"OCOP","doc_count":3,"products":{"doc_count":2}}]}}}},
               "ocopStars":{"doc_count":1,"values":{"doc_count":2,"counting":{"doc_count":2,"values":{"buckets":[{"key":3,"doc_count":1,"products":{"doc_count":1}},{"key":4,"doc_count":1,"products":{"doc_count":1}}]}}}},
               "priceRange":{"doc_count":1,"values":{"buckets":[{"key":"0-10000","from":0.0,"to":10000.0,"doc_count":0},{"key":"50000-200000","from":50000.0,"to":200000.0,"doc_count":1}]}}}}
            """).Replace("@TranhKhucRiceCakes@", TranhKhucRiceCakes.ToString()).Replace("@source.ToJsonString()@", source.ToJsonString()));

        var result = await _index.SearchAsync(new ProductSearchQuery
        {
            Today = Today, Facets = [SearchFacets.Category, SearchFacets.Scheme, SearchFacets.OcopStars, SearchFacets.PriceRange],
        }, default);

        var hit = Assert.Single(result.Hits);
        Assert.Equal(1, result.Total);
        Assert.Equal(["OCOP", "VIETGAP"], hit.ValidSchemes);
        Assert.Equal(0.92, hit.Explanation.Sustainability, 4);
        Assert.Equal(0.0, hit.Explanation.Text);
        Assert.Equal([new("ceramics", 2), new("processed-food", 2)], result.Facets[SearchFacets.Category]);
        Assert.Equal([new FacetCount("OCOP", 2)], result.Facets[SearchFacets.Scheme]);
        Assert.Equal([new("4", 1), new FacetCount("3", 1)], result.Facets[SearchFacets.OcopStars]);
        Assert.Equal([new FacetCount("50000-200000", 1)], result.Facets[SearchFacets.PriceRange]);
        Assert.Equal("/products/_search", _es.Requests[0].Path);
    }

    [Fact]
    public async Task Suggestions_put_villages_first_and_drop_duplicates()
    {
        _es.Answer(HttpStatusCode.OK, """
            {"hits":{"hits":[
              {"_source":{"nameVi":"Gốm sứ Bát Tràng men lam","craftVillage":"Bát Tràng"},"matched_queries":["product","craftVillage"]},
              {"_source":{"nameVi":"Bát Tràng mug","craftVillage":"Bát Tràng"},"matched_queries":["craftVillage","product"]}]}}
            """);

        var suggestions = await _index.SuggestAsync("bat tr", 10, default);

        Assert.Equal([new("Bát Tràng", "craftVillage"), new("Gốm sứ Bát Tràng men lam", "product"), new Suggestion("Bát Tràng mug", "product")], suggestions);
    }

    /// <summary>Answers requests in order and records them.</summary>
    private sealed class Scripted : HttpMessageHandler
    {
        private readonly Queue<(HttpStatusCode Status, string Body)> _answers = new();
        public List<(string Method, string Path, string Body)> Requests { get; } = [];

        public void Answer(HttpStatusCode status, string body) => _answers.Enqueue((status, body));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
            Requests.Add((request.Method.Method, request.RequestUri!.PathAndQuery, body));
            var (status, answer) = _answers.Dequeue();
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
