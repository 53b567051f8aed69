using System.Globalization;
using System.Text.Json.Nodes;

namespace Matchmaking.Catalogue.Search.Elasticsearch;

/// <summary>
/// The _search bodies. User text only ever travels as a JSON string value of match-family queries, which analyze it
/// as plain words: it is never put in a query_string, so Lucene syntax typed by a buyer has no effect.
/// </summary>
internal static class ElasticsearchQueries
{
    /// <summary>
    /// Score weights, the PostgreSQL adapter's (text 0.7, sustainability 0.3, proximity 0.15 with 1/(1 + km/10)); the
    /// script applies them and explanations are derived with the same numbers. Text relevance differs by engine: BM25
    /// squashed to 0..1 by s/(s + 5) here, ts_rank_cd and trigram similarity there.
    /// </summary>
    public static readonly RankingWeights Weights = new(Text: 0.7, Sustainability: 0.3, Proximity: 0.15, TextSaturation: 5.0, ProximityScaleKm: 10.0);

    public static JsonObject Search(ProductSearchQuery query)
    {
        var facetFilters = FacetFilters(query);
        var facets = query.Facets.Where(SearchFacets.All.Contains).Distinct().ToList();
        // Without facets every filter goes into the query. With facets, the facet filters move to post_filter so each
        // facet can count over the products matching every other filter (a buyer sees what picking another value gives),
        // as the PostgreSQL adapter counts them.
        var queryFilters = facets.Count == 0 ? [.. Filters(query), .. facetFilters.Values] : Filters(query).ToList();
        var body = new JsonObject
        {
            ["from"] = (Math.Max(1, query.Page) - 1) * query.PageSize,
            ["size"] = query.PageSize,
            ["track_total_hits"] = true,
            // Scores are still wanted when sorting by distance or price: they are reported and explained per hit.
            ["track_scores"] = true,
            ["_source"] = new JsonObject { ["excludes"] = new JsonArray([.. ElasticsearchDocuments.SourceExcludes.Select(f => (JsonNode)f)]) },
            ["query"] = Ranking(query, queryFilters),
            ["sort"] = Sort(query),
        };
        if (facets.Count > 0)
        {
            if (facetFilters.Count > 0) body["post_filter"] = AllOf(facetFilters.Values);
            body["aggs"] = ElasticsearchFacets.Aggregations(query, facets, facet => AllOf(FacetFilters(query).Where(f => f.Key != facet).Select(f => f.Value)));
        }
        return body;
    }

    private static JsonObject AllOf(IEnumerable<JsonNode> filters) =>
        new() { ["bool"] = new JsonObject { ["filter"] = new JsonArray([.. filters]) } };

    /// <summary>function_score over the filtered text query; the script yields the final score (boost_mode replace).</summary>
    internal static JsonObject Ranking(ProductSearchQuery query, IEnumerable<JsonNode> filters)
    {
        // The shared sanitiser also NFC-normalises: asciifolding folds precomposed letters, not combining marks.
        var text = SearchText.Sanitise(query.Text);
        var hasText = text.Length > 0;
        var near = query.Near;
        var bool_ = new JsonObject
        {
            ["filter"] = new JsonArray([.. filters]),
            ["must_not"] = new JsonArray(NotDeleted()),
        };
        if (hasText)
        {
            bool_["must"] = new JsonArray(TextGate(text));
            bool_["should"] = TextRanking(text);
        }
        var parameters = new JsonObject
        {
            ["today"] = CredentialWindows.Day(query.Today),
            ["credentialWeight"] = CredentialWindows.CredentialWeight,
            ["hasText"] = hasText,
            ["hasPoint"] = near is not null,
            ["lat"] = near?.Latitude ?? 0,
            ["lon"] = near?.Longitude ?? 0,
            ["textWeight"] = Weights.Text,
            ["sustainabilityWeight"] = Weights.Sustainability,
            ["proximityWeight"] = Weights.Proximity,
            ["textSaturation"] = Weights.TextSaturation,
            ["proximityScaleKm"] = Weights.ProximityScaleKm,
        };
        return new JsonObject
        {
            ["function_score"] = new JsonObject
            {
                ["query"] = new JsonObject { ["bool"] = bool_ },
                ["functions"] = new JsonArray(new JsonObject
                {
                    ["script_score"] = new JsonObject
                    {
                        ["script"] = new JsonObject { ["lang"] = "painless", ["source"] = CredentialWindows.RankingScript, ["params"] = parameters },
                    },
                }),
                ["boost_mode"] = "replace",
            },
        };
    }

    /// <summary>
    /// Which products match: the folded words of the text over every searchable field (copied into searchText), each
    /// allowed AUTO fuzziness for typos; up to three words must all match, beyond that three in four.
    /// </summary>
    private static JsonObject TextGate(string text) => new()
    {
        ["match"] = new JsonObject
        {
            ["searchText"] = new JsonObject { ["query"] = text, ["fuzziness"] = "AUTO", ["minimum_should_match"] = "3<75%" },
        },
    };

    /// <summary>How well they match: names over villages and suppliers over descriptions, phrases and exact diacritics first.</summary>
    private static JsonArray TextRanking(string text) =>
    [
        new JsonObject
        {
            ["multi_match"] = new JsonObject
            {
                ["query"] = text,
                ["type"] = "best_fields",
                ["fields"] = new JsonArray("nameVi^3", "nameEn^3", "nameEn.en^2", "craftVillage.text^2", "categoryText^2",
                    "supplierName", "district.text", "descriptionVi", "descriptionEn", "descriptionEn.en"),
                ["fuzziness"] = "AUTO",
            },
        },
        new JsonObject { ["match_phrase"] = new JsonObject { ["nameVi"] = new JsonObject { ["query"] = text, ["slop"] = 1, ["boost"] = 2 } } },
        // The index keeps each word's original spelling too; this clause finds it only when typed with the same diacritics.
        new JsonObject { ["match"] = new JsonObject { ["nameVi"] = new JsonObject { ["query"] = text, ["analyzer"] = ElasticsearchIndexDefinition.ExactAnalyzer } } },
    ];

    /// <summary>The filters that are not facets: they always narrow both hits and facet counts.</summary>
    internal static IEnumerable<JsonNode> Filters(ProductSearchQuery query)
    {
        if (query.MoqAtMost is { } moq) yield return Range("minimumOrderQuantity", "lte", moq);
        if (query.CapacityAtLeast is { } capacity) yield return Range("monthlyCapacity", "gte", capacity);
        if (query.VerifiedSuppliersOnly) yield return Term("supplierVerified", true);
        if (query is { Near: { } near, WithinKm: { } km })
        {
            yield return new JsonObject
            {
                ["geo_distance"] = new JsonObject
                {
                    ["distance"] = km.ToString("0.###", CultureInfo.InvariantCulture) + "km",
                    ["distance_type"] = "arc",
                    ["location"] = Point(near),
                },
            };
        }
    }

    /// <summary>The filters on faceted fields, by facet; a fresh set per call, since a JSON node has one parent.</summary>
    internal static Dictionary<string, JsonNode> FacetFilters(ProductSearchQuery query)
    {
        var filters = new Dictionary<string, JsonNode>();
        if (query.Categories.Count > 0) filters[SearchFacets.Category] = Terms("category", query.Categories);
        if (query.Packaging.Count > 0) filters[SearchFacets.Packaging] = Terms("packaging", query.Packaging);
        // One nested clause per scheme: each must be held by its own certificate that counts today.
        if (query.Schemes.Count > 0)
            filters[SearchFacets.Scheme] = AllOf(query.Schemes.Distinct().Select(scheme =>
                (JsonNode)Nested(CountingCertificate(query.Today, Term("certifications.schemeCode", scheme)))));
        if (query.OcopStarsAtLeast is { } stars)
            filters[SearchFacets.OcopStars] = Nested(CountingCertificate(query.Today,
                Term("certifications.schemeCode", "OCOP"), Range("certifications.ocopStars", "gte", stars)));
        // Folded keywords: "Bat Trang" selects "Bát Tràng", as unaccent does in the PostgreSQL adapter.
        if (query.Province is { Length: > 0 } province) filters[SearchFacets.Province] = Term("province.folded", province);
        if (query.District is { Length: > 0 } district) filters[SearchFacets.District] = Term("district.folded", district);
        if (query.CraftVillage is { Length: > 0 } village) filters[SearchFacets.CraftVillage] = Term("craftVillage.folded", village);
        if (query.PriceMinVnd is not null || query.PriceMaxVnd is not null)
        {
            var range = new JsonObject();
            if (query.PriceMinVnd is { } min) range["gte"] = min;
            if (query.PriceMaxVnd is { } max) range["lte"] = max;
            filters[SearchFacets.PriceRange] = new JsonObject { ["range"] = new JsonObject { ["minUnitPriceVnd"] = range } };
        }
        return filters;
    }

    /// <summary>A certificate that counts on <paramref name="today"/>: active, covering the product, inside its validity.</summary>
    internal static JsonObject CountingCertificate(DateOnly today, params JsonNode[] more)
    {
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var openOrNotEnded = new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["should"] = new JsonArray(
                    new JsonObject { ["range"] = new JsonObject { ["certifications.validUntil"] = new JsonObject { ["gte"] = day, ["format"] = "yyyy-MM-dd" } } },
                    new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonObject { ["exists"] = new JsonObject { ["field"] = "certifications.validUntil" } } } }),
                ["minimum_should_match"] = 1,
            },
        };
        JsonNode[] filters =
        [
            Term("certifications.status", "active"),
            Term("certifications.coversProduct", true),
            new JsonObject { ["range"] = new JsonObject { ["certifications.validFrom"] = new JsonObject { ["lte"] = day, ["format"] = "yyyy-MM-dd" } } },
            openOrNotEnded,
            .. more,
        ];
        return new JsonObject { ["bool"] = new JsonObject { ["filter"] = new JsonArray(filters) } };
    }

    private static JsonArray Sort(ProductSearchQuery query)
    {
        // productId last everywhere: equal scores or prices still page in one fixed order, without duplicates or gaps.
        var tieBreak = new JsonObject { ["productId"] = "asc" };
        var byScore = new JsonObject { ["_score"] = "desc" };
        return query switch
        {
            { Sort: SearchSort.Distance, Near: { } near } => new JsonArray(new JsonObject
            {
                ["_geo_distance"] = new JsonObject { ["location"] = Point(near), ["order"] = "asc", ["unit"] = "km", ["distance_type"] = "arc" },
            }, tieBreak),
            { Sort: SearchSort.PriceAscending } => new JsonArray(new JsonObject { ["minUnitPriceVnd"] = "asc" }, tieBreak),
            { Sort: SearchSort.PriceDescending } => new JsonArray(new JsonObject { ["minUnitPriceVnd"] = "desc" }, tieBreak),
            _ => new JsonArray(byScore, tieBreak),
        };
    }

    internal static JsonObject NotDeleted() => Term("deleted", true);

    internal static JsonObject Nested(JsonObject query) => new()
    {
        ["nested"] = new JsonObject { ["path"] = "certifications", ["query"] = query },
    };

    internal static JsonObject Term(string field, JsonNode value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject Terms(string field, IEnumerable<string> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray([.. values.Distinct().Select(v => (JsonNode)v)]) } };

    private static JsonObject Range(string field, string op, long value) =>
        new() { ["range"] = new JsonObject { [field] = new JsonObject { [op] = value } } };

    private static JsonObject Point(GeoPoint p) => new() { ["lat"] = p.Latitude, ["lon"] = p.Longitude };
}

internal sealed record RankingWeights(double Text, double Sustainability, double Proximity, double TextSaturation, double ProximityScaleKm);
