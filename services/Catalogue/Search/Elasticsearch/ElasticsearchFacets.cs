using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Matchmaking.Catalogue.Search.Elasticsearch;

/// <summary>Facets as aggregations over the matching products, and reading them back as <see cref="FacetCount"/>s.</summary>
internal static class ElasticsearchFacets
{
    private const int MaxValues = 100;

    /// <summary>
    /// One aggregation per facet, each inside a filter of the other facets' filters (<paramref name="otherFilters"/>):
    /// the hits are narrowed by post_filter, the counts by everything but their own facet.
    /// </summary>
    public static JsonObject Aggregations(ProductSearchQuery query, IEnumerable<string> facets, Func<string, JsonObject> otherFilters)
    {
        var aggs = new JsonObject();
        foreach (var facet in facets)
        {
            JsonObject? values = facet switch
            {
                SearchFacets.Category => Terms("category"),
                SearchFacets.Packaging => Terms("packaging"),
                SearchFacets.Province => Terms("province"),
                SearchFacets.District => Terms("district"),
                SearchFacets.CraftVillage => Terms("craftVillage"),
                SearchFacets.Scheme => CountingCertificates(query.Today, "certifications.schemeCode"),
                SearchFacets.OcopStars => CountingCertificates(query.Today, "certifications.ocopStars",
                    ElasticsearchQueries.Term("certifications.schemeCode", "OCOP")),
                SearchFacets.PriceRange => PriceRanges(),
                _ => null, // the API edge rejects unknown facets; an adapter just leaves them out
            };
            if (values is not null)
                aggs[facet] = new JsonObject { ["filter"] = otherFilters(facet), ["aggs"] = new JsonObject { ["values"] = values } };
        }
        return aggs;
    }

    private static JsonObject Terms(string field) => new()
    {
        ["terms"] = new JsonObject { ["field"] = field, ["size"] = MaxValues },
    };

    /// <summary>
    /// Scheme and OCOP-star counts see only certificates that count on the query's day, and count products, not
    /// certificates (reverse_nested), so two valid certificates of one scheme on a product count once.
    /// </summary>
    private static JsonObject CountingCertificates(DateOnly today, string field, params JsonNode[] more) => new()
    {
        ["nested"] = new JsonObject { ["path"] = "certifications" },
        ["aggs"] = new JsonObject
        {
            ["counting"] = new JsonObject
            {
                ["filter"] = ElasticsearchQueries.CountingCertificate(today, more),
                ["aggs"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["terms"] = new JsonObject { ["field"] = field, ["size"] = MaxValues },
                        ["aggs"] = new JsonObject { ["products"] = new JsonObject { ["reverse_nested"] = new JsonObject() } },
                    },
                },
            },
        },
    };

    /// <summary>The port's buckets over the lowest unit price, [From, To), named as the port names them.</summary>
    private static JsonObject PriceRanges()
    {
        var ranges = new JsonArray();
        foreach (var bucket in SearchFacets.PriceBuckets)
        {
            var range = new JsonObject { ["key"] = SearchFacets.PriceBucketName(bucket), ["from"] = bucket.From };
            if (bucket.To is { } to) range["to"] = to;
            ranges.Add(range);
        }
        return new JsonObject { ["range"] = new JsonObject { ["field"] = "minUnitPriceVnd", ["ranges"] = ranges } };
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Read(ProductSearchQuery query, JsonElement response)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>();
        if (!response.TryGetProperty("aggregations", out var aggregations)) return facets;
        foreach (var facet in query.Facets.Distinct())
        {
            if (!aggregations.TryGetProperty(facet, out var filtered)) continue;
            var agg = filtered.GetProperty("values");
            var counts = facet is SearchFacets.Scheme or SearchFacets.OcopStars
                ? Buckets(agg.GetProperty("counting").GetProperty("values"))
                    .Select(b => new FacetCount(Key(b), b.GetProperty("products").GetProperty("doc_count").GetInt64()))
                : Buckets(agg).Select(b => new FacetCount(Key(b), b.GetProperty("doc_count").GetInt64()));
            // Empty buckets (price ranges come back with zeros) are left out; the order is the PostgreSQL adapter's:
            // stars from most, price buckets from cheapest (as returned), the rest most common first, then by value.
            counts = counts.Where(c => c.Count > 0);
            facets[facet] = facet switch
            {
                SearchFacets.OcopStars => [.. counts.OrderByDescending(c => int.Parse(c.Value, CultureInfo.InvariantCulture))],
                SearchFacets.PriceRange => [.. counts],
                _ => [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)],
            };
        }
        return facets;
    }

    private static IEnumerable<JsonElement> Buckets(JsonElement agg) => agg.GetProperty("buckets").EnumerateArray();

    private static string Key(JsonElement bucket) => bucket.GetProperty("key") switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        var n => n.GetRawText(), // ocopStars: a number
    };
}
