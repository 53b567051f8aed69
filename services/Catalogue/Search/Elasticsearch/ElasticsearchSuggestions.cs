using System.Text.Json;
using System.Text.Json.Nodes;

namespace Matchmaking.Catalogue.Search.Elasticsearch;

/// <summary>
/// Completions over search_as_you_type fields: bool_prefix treats the last word as a prefix and the others as whole
/// words, all folded, so "bat tr" finds "Bát Tràng". Named queries say whether a hit's village or its name matched.
/// </summary>
internal static class ElasticsearchSuggestions
{
    public const string Product = "product";
    public const string CraftVillage = "craftVillage";

    /// <summary>Completions: product names and craft villages whose words start with what was typed, folded.</summary>
    public static JsonObject Query(string prefix, int size) => new()
    {
        ["size"] = size,
        ["_source"] = new JsonArray("nameVi", "craftVillage"),
        ["query"] = new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["should"] = new JsonArray(AsYouType(prefix, "villageSuggest", CraftVillage), AsYouType(prefix, "nameSuggest", Product)),
                ["minimum_should_match"] = 1,
                ["must_not"] = new JsonArray(ElasticsearchQueries.NotDeleted()),
            },
        },
        ["sort"] = new JsonArray(new JsonObject { ["_score"] = "desc" }, new JsonObject { ["productId"] = "asc" }),
    };

    private static JsonObject AsYouType(string prefix, string field, string name) => new()
    {
        ["multi_match"] = new JsonObject
        {
            ["query"] = prefix,
            ["type"] = "bool_prefix",
            ["operator"] = "and",
            ["fields"] = new JsonArray(field, field + "._2gram", field + "._3gram"),
            // Named, so each hit says whether its village, its name or both matched.
            ["_name"] = name,
        },
    };

    /// <summary>Suggestions from named-query matches: villages first (typing a place is the common case), then names.</summary>
    public static IReadOnlyList<Suggestion> Read(JsonElement response, int limit)
    {
        var villages = new List<Suggestion>();
        var products = new List<Suggestion>();
        foreach (var hit in response.GetProperty("hits").GetProperty("hits").EnumerateArray())
        {
            var matched = hit.TryGetProperty("matched_queries", out var m) ? m.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
            var source = hit.GetProperty("_source");
            if (matched.Contains(CraftVillage) && Text(source, "craftVillage") is { } village)
                villages.Add(new Suggestion(village, CraftVillage));
            if (matched.Contains(Product) && Text(source, "nameVi") is { } name)
                products.Add(new Suggestion(name, Product));
        }
        return [.. villages.Distinct().Concat(products.Distinct()).Take(limit)];
    }

    private static string? Text(JsonElement source, string property) =>
        source.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
