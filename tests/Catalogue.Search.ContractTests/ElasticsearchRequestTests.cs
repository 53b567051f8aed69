using System.Text.Json.Nodes;
using Matchmaking.Catalogue.Search;
using Matchmaking.Catalogue.Search.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Matchmaking.Catalogue.Search.ContractTests.FixtureProducts;

namespace Matchmaking.Catalogue.Search.ContractTests;

/// <summary>The Elasticsearch adapter's request bodies, checked without a node: what can be checked here at all.</summary>
public sealed class ElasticsearchRequestTests
{
    private static readonly ProductSearchQuery TextAndFilters = new()
    {
        Today = Today,
        Text = "gốm sứ",
        Schemes = ["OCOP"],
        Categories = ["ceramics"],
        MoqAtMost = 500,
        Facets = [SearchFacets.Scheme, SearchFacets.Category, SearchFacets.PriceRange],
    };

    [Fact]
    public void A_scheme_filter_and_its_facet_check_certificate_validity_on_the_query_day()
    {
        var body = ElasticsearchQueries.Search(TextAndFilters);

        var postFilter = body["post_filter"]!.ToJsonString();
        Assert.Contains("\"path\":\"certifications\"", postFilter);
        Assert.Contains("{\"certifications.validFrom\":{\"lte\":\"2026-11-23\"", postFilter);
        Assert.Contains("{\"certifications.validUntil\":{\"gte\":\"2026-11-23\"", postFilter);
        Assert.Contains("{\"term\":{\"certifications.status\":\"active\"}}", postFilter);
        Assert.Contains("{\"term\":{\"certifications.coversProduct\":true}}", postFilter);
        Assert.Contains("{\"term\":{\"certifications.schemeCode\":\"OCOP\"}}", postFilter);

        var schemeFacet = body["aggs"]!["scheme"]!;
        Assert.Contains("\"lte\":\"2026-11-23\"", schemeFacet["aggs"]!["values"]!["aggs"]!["counting"]!["filter"]!.ToJsonString());
        Assert.NotNull(schemeFacet["aggs"]!["values"]!["aggs"]!["counting"]!["aggs"]!["values"]!["aggs"]!["products"]!["reverse_nested"]);
        // Each facet counts under the other facets' filters, never its own.
        Assert.DoesNotContain("certifications.schemeCode", schemeFacet["filter"]!.ToJsonString());
        Assert.Contains("\"category\"", schemeFacet["filter"]!.ToJsonString());
        Assert.DoesNotContain("\"terms\":{\"category\"", body["aggs"]!["category"]!["filter"]!.ToJsonString());

        // The non-facet filter narrows the query itself, so facets count under it too.
        var query = body["query"]!["function_score"]!["query"]!["bool"]!;
        Assert.Contains("{\"range\":{\"minimumOrderQuantity\":{\"lte\":500}}}", query["filter"]!.ToJsonString());
        Assert.Equal(CredentialWindows.Day(Today), body["query"]!["function_score"]!["functions"]![0]!["script_score"]!["script"]!["params"]!["today"]!.GetValue<long>());
    }

    [Fact]
    public void Text_goes_only_into_match_queries_as_a_string_so_query_syntax_is_inert()
    {
        const string hostile = "name:(a OR b)~2 AND * \"quoted\" {\"script\":1}";
        var body = ElasticsearchQueries.Search(TextAndFilters with { Text = hostile });
        var json = body.ToJsonString();

        Assert.DoesNotContain("query_string", json);
        Assert.DoesNotContain("\"script\":1", json);
        var texts = StringsUnder(body, "query").Distinct().ToList();
        Assert.Equal(["name a or b 2 and quoted script 1"], texts);
        // Every place the text appears is a match-family query's "query" value.
        Assert.All(Parents(body, "name a or b 2 and quoted script 1"), kind => Assert.Contains(kind, new[] { "searchText", "multi_match", "nameVi" }));
    }

    [Fact]
    public void The_ranking_script_mirror_equals_the_ports_sustainability_score_on_any_day()
    {
        DateOnly[] days = [new(2026, 6, 30), new(2026, 7, 1), Today, new(2026, 12, 31), new(2027, 1, 1), new(2027, 3, 1), new(2027, 3, 2), new(2031, 1, 1)];
        foreach (var document in All)
            foreach (var day in days)
            {
                var windows = CredentialWindows.Encode(document.Certifications).ToList();
                Assert.Equal(Sustainability.Score(document, day), CredentialWindows.Score(CredentialWindows.BaseScore(document), windows, day), 9);
            }
        // Two certificates with the same window and weight are still two values (array doc values are de-duplicated).
        var twin = Cert("OCOP", "3-star", "2025-01-01", "2028-01-01", state: "self-declared");
        Assert.Equal(2, CredentialWindows.Encode([twin, twin with { SchemeCode = "VIETGAP", Level = null }]).Distinct().Count());
    }

    [Fact]
    public void The_template_folds_Vietnamese_and_maps_certificates_as_nested()
    {
        var template = ElasticsearchIndexDefinition.Template("products");

        Assert.Equal("[\"products\"]", template["index_patterns"]!.ToJsonString());
        var analysis = template["template"]!["settings"]!["analysis"]!;
        Assert.Equal("{\"type\":\"asciifolding\",\"preserve_original\":true}", analysis["filter"]!["vi_folding"]!.ToJsonString());
        Assert.Equal("[\"lowercase\",\"vi_folding\"]", analysis["analyzer"]!["vi_index"]!["filter"]!.ToJsonString());
        var properties = template["template"]!["mappings"]!["properties"]!;
        Assert.Equal("nested", properties["certifications"]!["type"]!.GetValue<string>());
        Assert.Equal("geo_point", properties["location"]!["type"]!.GetValue<string>());
        Assert.Equal("search_as_you_type", properties["nameSuggest"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Documents_keep_the_port_document_and_tombstones_keep_the_version()
    {
        var source = ElasticsearchDocuments.Source(Get(BatTrangVase));
        var tombstone = ElasticsearchDocuments.Tombstone(BatTrangVase, 9);

        Assert.False(source["deleted"]!.GetValue<bool>());
        Assert.Equal(4, source["certifications"]![0]!["ocopStars"]!.GetValue<int>());
        Assert.Equal(20.975, source["location"]!["lat"]!.GetValue<double>());
        Assert.Equal(Get(BatTrangVase), ElasticsearchDocuments.FromSource(System.Text.Json.JsonDocument.Parse(source.ToJsonString()).RootElement) with
        {
            Certifications = Get(BatTrangVase).Certifications,
        });
        Assert.Equal("{\"productId\":\"" + BatTrangVase + "\",\"version\":9,\"deleted\":true}", tombstone.ToJsonString());
    }

    [Fact]
    public void Distance_and_price_sorts_end_with_the_product_id()
    {
        var distance = ElasticsearchQueries.Search(new ProductSearchQuery { Today = Today, Near = new(21.0, 105.8), WithinKm = 7.5, Sort = SearchSort.Distance });
        var price = ElasticsearchQueries.Search(new ProductSearchQuery { Today = Today, Sort = SearchSort.PriceAscending });

        Assert.Equal("[{\"_geo_distance\":{\"location\":{\"lat\":21,\"lon\":105.8},\"order\":\"asc\",\"unit\":\"km\",\"distance_type\":\"arc\"}},{\"productId\":\"asc\"}]",
            distance["sort"]!.ToJsonString());
        Assert.Contains("{\"geo_distance\":{\"distance\":\"7.5km\"", distance["query"]!.ToJsonString());
        Assert.Equal("[{\"minUnitPriceVnd\":\"asc\"},{\"productId\":\"asc\"}]", price["sort"]!.ToJsonString());
    }

    [Fact]
    public void Registration_validates_options_and_falls_back_to_ELASTICSEARCH_URL()
    {
        var withUrl = Host.CreateApplicationBuilder();
        withUrl.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ELASTICSEARCH_URL"] = "http://es.local:9200" });
        withUrl.AddElasticsearchProductSearch();
        using var services = withUrl.Services.BuildServiceProvider();
        Assert.Equal("http://es.local:9200", services.GetRequiredService<IOptions<ElasticsearchOptions>>().Value.Url);
        Assert.IsType<ElasticsearchProductSearchIndex>(services.GetRequiredService<IProductSearchIndex>());

        var withoutUrl = Host.CreateApplicationBuilder();
        withoutUrl.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ELASTICSEARCH_URL"] = "" });
        withoutUrl.AddElasticsearchProductSearch();
        using var invalid = withoutUrl.Services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => invalid.GetRequiredService<IOptions<ElasticsearchOptions>>().Value);
    }

    /// <summary>Every string value of a property named <paramref name="name"/>, anywhere in the tree.</summary>
    private static IEnumerable<string> StringsUnder(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == name && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [s] : StringsUnder(p.Value, name)),
        JsonArray a => a.SelectMany(n => StringsUnder(n, name)),
        _ => [],
    };

    /// <summary>For each occurrence of <paramref name="text"/> as a value, the name of the object holding that object.</summary>
    private static IEnumerable<string> Parents(JsonNode? node, string text, string parent = "") => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) && s == text
            ? [parent] : Parents(p.Value, text, p.Key)),
        JsonArray a => a.SelectMany(n => Parents(n, text, parent)),
        _ => [],
    };
}
