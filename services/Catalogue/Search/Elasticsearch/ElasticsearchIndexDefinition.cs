using System.Text.Json.Nodes;

namespace Matchmaking.Catalogue.Search.Elasticsearch;

/// <summary>
/// The index template: Vietnamese folding analyzers and the mapping of what <see cref="ElasticsearchDocuments"/> writes.
/// A template rather than settings on one create call, so an index auto-created by a write racing a rebuild
/// (<see cref="IProductSearchIndex.ClearAsync"/> deletes and recreates it) still gets the right mapping.
/// </summary>
internal static class ElasticsearchIndexDefinition
{
    public const string IndexAnalyzer = "vi_index";
    public const string SearchAnalyzer = "vi_search";
    public const string ExactAnalyzer = "vi_exact";

    public static string TemplateName(string indexName) => indexName + "-template";

    public static JsonObject Template(string indexName) => new()
    {
        // No wildcard: the template applies to this one index only, never to a neighbour with a similar name.
        ["index_patterns"] = new JsonArray(indexName),
        ["priority"] = 500,
        ["template"] = new JsonObject { ["settings"] = Settings(), ["mappings"] = Mappings() },
        ["_meta"] = new JsonObject { ["owner"] = "catalogue", ["about"] = "product search (docs/decisions/0003)" },
    };

    private static JsonObject Settings() => new()
    {
        // A catalogue of hundreds of thousands of products fits one shard; one replica once a second node exists.
        ["number_of_shards"] = 1,
        ["auto_expand_replicas"] = "0-1",
        ["analysis"] = new JsonObject
        {
            ["filter"] = new JsonObject
            {
                // asciifolding folds every Vietnamese letter, đ→d included; keeping the original token as well lets a
                // query typed with diacritics rank exact spellings first (the vi_exact clause in the query).
                ["vi_folding"] = new JsonObject { ["type"] = "asciifolding", ["preserve_original"] = true },
            },
            ["normalizer"] = new JsonObject
            {
                // Keyword filters (district, craft village) match "Bat Trang" to "Bát Tràng"; facets read the raw keyword.
                ["vi_keyword"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("lowercase", "asciifolding") },
            },
            ["analyzer"] = new JsonObject
            {
                [IndexAnalyzer] = Analyzer("lowercase", "vi_folding"),
                // Queries are folded only, so "gốm" and "gom" find the same products.
                [SearchAnalyzer] = Analyzer("lowercase", "asciifolding"),
                [ExactAnalyzer] = Analyzer("lowercase"),
            },
        },
    };

    private static JsonObject Analyzer(params string[] filters) => new()
    {
        ["type"] = "custom",
        ["tokenizer"] = "standard",
        ["filter"] = new JsonArray([.. filters.Select(f => (JsonNode)f)]),
    };

    private static JsonObject Mappings() => new()
    {
        // Unknown fields stay in _source but are not indexed: a new property on SearchDocument cannot break writes.
        ["dynamic"] = false,
        ["properties"] = new JsonObject
        {
            ["productId"] = Keyword(),
            ["version"] = Type("long"),
            ["deleted"] = Type("boolean"),
            ["supplierId"] = Keyword(),
            ["supplierName"] = Text(copyToSearchText: true),
            ["supplierVerified"] = Type("boolean"),
            ["nameVi"] = Text(copyToSearchText: true),
            ["nameEn"] = WithEnglish(Text(copyToSearchText: true)),
            ["descriptionVi"] = Text(copyToSearchText: true),
            ["descriptionEn"] = WithEnglish(Text(copyToSearchText: true)),
            ["categoryText"] = Text(copyToSearchText: true),
            ["searchText"] = Text(copyToSearchText: false),
            ["category"] = Keyword(),
            ["unit"] = new JsonObject { ["type"] = "keyword", ["index"] = false },
            ["minUnitPriceVnd"] = Type("long"),
            ["maxUnitPriceVnd"] = Type("long"),
            ["minimumOrderQuantity"] = Type("long"),
            ["monthlyCapacity"] = Type("long"),
            ["leadTimeDays"] = Type("integer"),
            ["packaging"] = Keyword(),
            ["craftVillage"] = Place(copyToSearchText: true),
            ["commune"] = Place(copyToSearchText: false),
            ["district"] = Place(copyToSearchText: true),
            ["province"] = Place(copyToSearchText: false),
            ["location"] = Type("geo_point"),
            ["imageUrl"] = new JsonObject { ["type"] = "keyword", ["index"] = false },
            ["indexedAt"] = Type("date"),
            ["nameSuggest"] = SearchAsYouType(),
            ["villageSuggest"] = SearchAsYouType(),
            // Date-independent part of the sustainability score and the encoded certificate windows (see
            // CredentialWindows): the script adds the part that depends on the query's day.
            ["sustainabilityBase"] = Type("double"),
            ["credentialWindows"] = Type("long"),
            // Nested, so "scheme X, active, in scope and valid today" must hold on one certificate, not across several.
            ["certifications"] = new JsonObject
            {
                ["type"] = "nested",
                ["properties"] = new JsonObject
                {
                    ["schemeCode"] = Keyword(),
                    ["level"] = Keyword(),
                    ["validFrom"] = Type("date"),
                    ["validUntil"] = Type("date"),
                    ["status"] = Keyword(),
                    ["verificationState"] = Keyword(),
                    ["coversProduct"] = Type("boolean"),
                    ["ocopStars"] = Type("integer"),
                },
            },
        },
    };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Keyword() => Type("keyword");

    private static JsonObject Text(bool copyToSearchText)
    {
        var field = new JsonObject { ["type"] = "text", ["analyzer"] = IndexAnalyzer, ["search_analyzer"] = SearchAnalyzer };
        if (copyToSearchText) field["copy_to"] = "searchText";
        return field;
    }

    private static JsonObject WithEnglish(JsonObject field)
    {
        // Stemmed English beside the folded text, so "baskets" finds "basket".
        field["fields"] = new JsonObject { ["en"] = new JsonObject { ["type"] = "text", ["analyzer"] = "english" } };
        return field;
    }

    /// <summary>A place name: raw keyword for facets, folded keyword for filters, folded text for search.</summary>
    private static JsonObject Place(bool copyToSearchText)
    {
        var field = new JsonObject
        {
            ["type"] = "keyword",
            ["fields"] = new JsonObject
            {
                ["folded"] = new JsonObject { ["type"] = "keyword", ["normalizer"] = "vi_keyword" },
                ["text"] = Text(copyToSearchText: false),
            },
        };
        if (copyToSearchText) field["copy_to"] = "searchText";
        return field;
    }

    private static JsonObject SearchAsYouType() => new()
    {
        ["type"] = "search_as_you_type",
        ["analyzer"] = IndexAnalyzer,
        ["search_analyzer"] = SearchAnalyzer,
    };
}
