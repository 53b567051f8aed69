using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

[assembly: InternalsVisibleTo("Catalogue.Search.ContractTests")]

namespace Matchmaking.Catalogue.Search.Elasticsearch;

/// <summary>
/// What the adapter stores per product: the <see cref="SearchDocument"/> itself (so a hit is rebuilt from _source and
/// explained by the same <see cref="Sustainability"/> code as the PostgreSQL adapter) plus the fields only the index
/// needs: a geo_point, suggestion inputs, the searchable category words and the precomputed sustainability inputs.
/// </summary>
internal static class ElasticsearchDocuments
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonObject Source(SearchDocument d)
    {
        // IndexedCertification's OcopStars property is serialized with it, which is what the nested ocopStars field maps.
        var source = JsonSerializer.SerializeToNode(d, Json)!.AsObject();
        source["deleted"] = false;
        source["location"] = new JsonObject { ["lat"] = d.Latitude, ["lon"] = d.Longitude };
        source["categoryText"] = SearchDocuments.CategoryText(d.Category);
        // Names suggest in either language and by their village, as in the PostgreSQL adapter; the suggestion is NameVi.
        source["nameSuggest"] = new JsonArray([.. new[] { d.NameVi, d.NameEn, d.CraftVillage }.OfType<string>().Select(n => (JsonNode)n)]);
        if (d.CraftVillage is not null) source["villageSuggest"] = d.CraftVillage;
        source["sustainabilityBase"] = CredentialWindows.BaseScore(d);
        source["credentialWindows"] = new JsonArray([.. CredentialWindows.Encode(d.Certifications).Select(w => (JsonNode)w)]);
        return source;
    }

    /// <summary>
    /// A removed product stays as a document carrying its version, because Elasticsearch forgets the version of a real
    /// delete after index.gc_deletes (60 s) and an older upsert arriving later would then revive the product.
    /// </summary>
    public static JsonObject Tombstone(Guid productId, long version) => new()
    {
        ["productId"] = productId,
        ["version"] = version,
        ["deleted"] = true,
    };

    public static SearchDocument FromSource(JsonElement source) =>
        source.Deserialize<SearchDocument>(Json) ?? throw new JsonException("A search hit had no _source");

    /// <summary>The _source fields a hit does not need back.</summary>
    public static readonly string[] SourceExcludes = ["nameSuggest", "villageSuggest", "categoryText", "credentialWindows", "sustainabilityBase", "location"];
}

/// <summary>
/// Whether a certificate counts depends on the day of the query, so the credential part of the sustainability score
/// cannot be stored as a number. Status and scope do not depend on the day, so each active, in-scope certificate is
/// stored as one long holding its validity window and its weight; the ranking script sums the weights of the windows
/// that contain the query's day. A packed long, not a nested object: scripts cannot read nested documents' values.
/// Layout: bits 32-49 valid-from day, 14-31 valid-until day (both days since 1970-01-01), 10-13 position (so two
/// certificates with equal windows and weights stay two values), 0-9 weight in thousandths.
/// </summary>
internal static class CredentialWindows
{
    /// <summary>The weight of the credential part in <see cref="Sustainability.Score"/>; a unit test holds the two equal.</summary>
    public const double CredentialWeight = 0.45;
    public const long OpenEnded = (1L << 18) - 1;
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    public static long Day(DateOnly date) => Math.Clamp(date.DayNumber - Epoch, 0, OpenEnded);

    /// <summary>Packaging and verified supplier: the parts of the score that do not depend on the day.</summary>
    public static double BaseScore(SearchDocument d) => Sustainability.Score(d with { Certifications = [] }, DateOnly.MinValue);

    public static IEnumerable<long> Encode(IReadOnlyList<IndexedCertification> certifications)
    {
        for (var i = 0; i < certifications.Count; i++)
        {
            var c = certifications[i];
            if (c.Status != "active" || !c.CoversProduct) continue;
            // The weight the port's own formula gives this certificate on a day it counts.
            var weight = (long)Math.Round(1000 * Sustainability.CredentialScore([c], c.ValidFrom));
            var until = c.ValidUntil is { } u ? Day(u) : OpenEnded;
            yield return (Day(c.ValidFrom) << 32) | (until << 14) | ((long)(i % 16) << 10) | weight;
        }
    }

    /// <summary>What the ranking script computes, in C#: the tests compare it with <see cref="Sustainability.Score"/>.</summary>
    public static double Score(double baseScore, IEnumerable<long> windows, DateOnly today)
    {
        var day = Day(today);
        var credential = windows
            .Where(w => ((w >> 32) & OpenEnded) <= day && day <= ((w >> 14) & OpenEnded))
            .Sum(w => (w & 1023) / 1000.0);
        return baseScore + CredentialWeight * Math.Min(1.0, credential);
    }

    /// <summary>Painless mirror of <see cref="Score"/> plus the text and proximity parts; see ElasticsearchQueries.Ranking.</summary>
    public const string RankingScript = """
        double credential = 0.0;
        def windows = doc['credentialWindows'];
        for (int i = 0; i < windows.size(); ++i) {
          long w = windows.get(i);
          long from = (w >> 32) & 262143L;
          long until = (w >> 14) & 262143L;
          if (from <= params.today && params.today <= until) { credential += (w & 1023L) / 1000.0; }
        }
        double sustainability = doc['sustainabilityBase'].value + params.credentialWeight * Math.min(1.0, credential);
        double text = params.hasText ? _score / (_score + params.textSaturation) : 0.0;
        double proximity = 0.0;
        if (params.hasPoint && doc['location'].size() > 0) {
          double km = doc['location'].arcDistance(params.lat, params.lon) / 1000.0;
          proximity = 1.0 / (1.0 + km / params.proximityScaleKm);
        }
        return params.textWeight * text + params.sustainabilityWeight * sustainability + params.proximityWeight * proximity;
        """;
}
