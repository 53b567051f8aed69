using System.Net;
using System.Text.Json;

namespace Matchmaking.Catalogue.Search.Elasticsearch;

/// <summary>Turns _search responses into the port's results, explaining each hit with the port's own formulas.</summary>
internal static class ElasticsearchResponses
{
    public static SearchResult Result(ProductSearchQuery query, JsonElement response)
    {
        var hits = response.GetProperty("hits");
        var total = hits.GetProperty("total").GetProperty("value").GetInt64();
        var list = hits.GetProperty("hits").EnumerateArray().Select(h => Hit(query, h)).ToList();
        return new SearchResult(total, list, ElasticsearchFacets.Read(query, response));
    }

    private static SearchHit Hit(ProductSearchQuery query, JsonElement hit)
    {
        var d = ElasticsearchDocuments.FromSource(hit.GetProperty("_source"));
        var score = hit.TryGetProperty("_score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0.0;
        var distance = query.Near is { } near ? Sustainability.DistanceKm(near, d.Latitude, d.Longitude) : (double?)null;
        var explanation = Explain(query, d, score, distance);
        return new SearchHit(d.ProductId, d.NameVi, d.NameEn, d.SupplierId, d.SupplierName, d.SupplierVerified, d.Category,
            d.Packaging, d.MinUnitPriceVnd, d.MinimumOrderQuantity, d.MonthlyCapacity, d.CraftVillage, d.District, d.Province,
            [.. d.Certifications.Where(c => c.CountsOn(query.Today)).Select(c => c.SchemeCode).Distinct().Order(StringComparer.Ordinal)],
            distance is { } km ? Math.Round(km, 2) : null, Math.Round(score, 4), explanation);
    }

    /// <summary>
    /// Sustainability and proximity are recomputed here from _source with the same code the script mirrors; the text part
    /// is what remains of the engine's score once they are taken out (the script never reports it separately).
    /// </summary>
    internal static ScoreExplanation Explain(ProductSearchQuery query, SearchDocument d, double score, double? distanceKm)
    {
        var w = ElasticsearchQueries.Weights;
        var sustainability = Sustainability.Score(d, query.Today);
        double? proximity = distanceKm is { } km ? 1.0 / (1.0 + km / w.ProximityScaleKm) : null;
        var text = SearchText.Sanitise(query.Text).Length == 0
            ? 0.0
            : Math.Clamp((score - w.Sustainability * sustainability - w.Proximity * (proximity ?? 0)) / w.Text, 0, 1);
        // The same reasons, in the same words and order, as the PostgreSQL adapter gives.
        var reasons = new List<string>();
        if (query.Text is { Length: > 0 }) reasons.Add($"text match {text:0.00}");
        reasons.AddRange(Sustainability.Reasons(d, query.Today));
        if (distanceKm is { } distance) reasons.Add($"{distance:0.0} km away");
        return new ScoreExplanation(Math.Round(text, 4), Math.Round(sustainability, 4), proximity is { } p ? Math.Round(p, 4) : null, reasons);
    }

    /// <summary>Only the error's type: its reason can quote document values or the query text, which stay out of logs.</summary>
    public static string? ErrorType(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("type", out var type) ? type.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Elasticsearch answered with an unexpected status; carries the status and error type, never the request.</summary>
public sealed class ElasticsearchRequestException(string operation, HttpStatusCode status, string? errorType)
    : Exception($"Elasticsearch {operation} failed: {(int)status} {errorType ?? "(no error type)"}")
{
    public HttpStatusCode Status { get; } = status;
    public string? ErrorType { get; } = errorType;
}
