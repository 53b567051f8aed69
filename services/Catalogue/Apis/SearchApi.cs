using System.Globalization;
using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Search;
using Matchmaking.Catalogue.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Apis;

/// <summary>
/// Query parameters of a product search, as strings so that a malformed number is a 400 naming its field rather than
/// a binding failure. Lists accept repeated parameters and comma-separated values.
/// </summary>
public sealed record SearchRequest(
    string? Q, string[]? Category, string[]? Scheme, string? OcopStarsAtLeast, string? Province, string? District,
    string? CraftVillage, string[]? Packaging, string? PriceMin, string? PriceMax, string? MoqAtMost, string? CapacityAtLeast,
    string? VerifiedOnly, string? Lat, string? Lon, string? WithinKm, string? Sort, string? Page, string? PageSize, string? Facets);

public sealed record SearchResponse(
    long Total, int Page, int PageSize, IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>Product search for buyers: full text, filters, facets, distance, explainable relevance; anonymous.</summary>
public static class SearchApi
{
    /// <summary>Deep pages cost a scan of everything before them; past this many results a buyer should narrow the query.</summary>
    public const int MaxResultWindow = 10_000;
    public const int MaxSuggestions = 20;
    private const int MaxListValues = 20, MaxPlaceLength = 100;
    private static readonly Dictionary<string, SearchSort> Sorts = new()
    {
        ["relevance"] = SearchSort.Relevance, ["distance"] = SearchSort.Distance,
        ["price-asc"] = SearchSort.PriceAscending, ["price-desc"] = SearchSort.PriceDescending,
    };
    private static readonly HashSet<string> PackagingTypes = [.. Enum.GetValues<Packaging>().Select(p => Kebab.Of(p))];

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalogue/search").WithTags("Search").AllowAnonymous();

        api.MapGet("/", Search).WithName("SearchProducts").ProducesValidationProblem()
            .WithSummary("Find published green products: Vietnamese with or without diacritics or English, filters, facets, distance");
        api.MapGet("/suggest", Suggest).WithName("SuggestSearchTerms").ProducesValidationProblem()
            .WithSummary("Completions for what a buyer is typing: craft villages and product names");
        return app;
    }

    public static async Task<Ok<SearchResponse>> Search([AsParameters] SearchRequest request, [FromServices] IProductSearchIndex index,
        [FromServices] CatalogueServices services, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var query = await ToQueryAsync(request, services, clock.Today(), ct);
        var result = await index.SearchAsync(query, ct);
        return TypedResults.Ok(new SearchResponse(result.Total, query.Page, query.PageSize, result.Hits, result.Facets));
    }

    public static async Task<Ok<IReadOnlyList<Suggestion>>> Suggest(string? q, string? limit, [FromServices] IProductSearchIndex index, CancellationToken ct)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(q)) errors.Add("q", "Type at least one character.");
        else if (q.Length > ProductSearchQuery.MaxTextLength) errors.Add("q", $"At most {ProductSearchQuery.MaxTextLength} characters.");
        var count = errors.Int("limit", limit, 1, MaxSuggestions) ?? 8;
        errors.ThrowIfAny();
        return TypedResults.Ok(await index.SuggestAsync(q!, count, ct));
    }

    private static async Task<ProductSearchQuery> ToQueryAsync(SearchRequest r, CatalogueServices services, DateOnly today, CancellationToken ct)
    {
        var errors = new Errors();
        // Length first and without trimming: a 10,000-character query is refused before anything looks at it.
        if (r.Q is { Length: > ProductSearchQuery.MaxTextLength }) errors.Add("q", $"At most {ProductSearchQuery.MaxTextLength} characters.");

        var categories = errors.List("category", r.Category);
        foreach (var c in categories.Where(c => !ProductCategories.IsKnown(c))) errors.Add("category", $"Unknown category '{Clip(c)}'.");
        var packaging = errors.List("packaging", r.Packaging);
        foreach (var p in packaging.Where(p => !PackagingTypes.Contains(p))) errors.Add("packaging", $"Unknown packaging type '{Clip(p)}'.");
        var schemes = errors.List("scheme", r.Scheme);
        if (schemes.Count > 0)
        {
            var known = await services.Db.Schemes.AsNoTracking().Select(s => s.Code).ToListAsync(ct);
            schemes = [.. schemes.Select(s => known.FirstOrDefault(k => string.Equals(k, s, StringComparison.OrdinalIgnoreCase)) ?? s)];
            foreach (var s in schemes.Where(s => !known.Contains(s))) errors.Add("scheme", $"Unknown certification scheme '{Clip(s)}'.");
        }
        var facets = errors.List("facets", r.Facets is null ? null : [r.Facets]);
        foreach (var f in facets.Where(f => !SearchFacets.All.Contains(f)))
            errors.Add("facets", $"Unknown facet '{Clip(f)}'; known: {string.Join(", ", SearchFacets.All)}.");

        var stars = errors.Int("ocopStarsAtLeast", r.OcopStarsAtLeast, 1, 5);
        var priceMin = errors.Long("priceMin", r.PriceMin);
        var priceMax = errors.Long("priceMax", r.PriceMax);
        if (priceMin > priceMax) errors.Add("priceMin", "priceMin is above priceMax.");
        var moq = errors.Long("moqAtMost", r.MoqAtMost);
        var capacity = errors.Long("capacityAtLeast", r.CapacityAtLeast);
        var verifiedOnly = errors.Bool("verifiedOnly", r.VerifiedOnly);
        var lat = errors.Double("lat", r.Lat, -90, 90);
        var lon = errors.Double("lon", r.Lon, -180, 180);
        if (r.Lat is not null && r.Lon is null) errors.Add("lon", "lat and lon go together.");
        if (r.Lon is not null && r.Lat is null) errors.Add("lat", "lat and lon go together.");
        var withinKm = errors.Double("withinKm", r.WithinKm, 0, 20_000);
        if (r.WithinKm is not null && (r.Lat is null || r.Lon is null)) errors.Add("withinKm", "A distance needs a point (lat and lon).");
        var sort = SearchSort.Relevance;
        if (r.Sort is not null && !Sorts.TryGetValue(r.Sort, out sort)) errors.Add("sort", $"Sort by one of: {string.Join(", ", Sorts.Keys)}.");
        if (sort == SearchSort.Distance && (r.Lat is null || r.Lon is null)) errors.Add("sort", "Sorting by distance needs a point (lat and lon).");
        var page = errors.Int("page", r.Page, 1, int.MaxValue) ?? 1;
        var pageSize = errors.Int("pageSize", r.PageSize, 1, ProductSearchQuery.MaxPageSize) ?? 20;
        if ((long)(page - 1) * pageSize >= MaxResultWindow) errors.Add("page", $"Results past the first {MaxResultWindow} are not served; narrow the search.");
        foreach (var (field, value) in new[] { ("province", r.Province), ("district", r.District), ("craftVillage", r.CraftVillage) })
            if (value is { Length: > MaxPlaceLength }) errors.Add(field, $"At most {MaxPlaceLength} characters.");
        errors.ThrowIfAny();

        return new ProductSearchQuery
        {
            Text = r.Q, Categories = categories, Schemes = schemes, OcopStarsAtLeast = stars, Province = Blank(r.Province),
            District = Blank(r.District), CraftVillage = Blank(r.CraftVillage), Packaging = packaging, PriceMinVnd = priceMin,
            PriceMaxVnd = priceMax, MoqAtMost = moq, CapacityAtLeast = capacity, VerifiedSuppliersOnly = verifiedOnly ?? false,
            Near = lat is { } la && lon is { } lo ? new GeoPoint(la, lo) : null, WithinKm = withinKm, Sort = sort,
            Page = page, PageSize = pageSize, Facets = facets, Today = today,
        };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Echo at most a little of a bad value back.</summary>
    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    /// <summary>Collects field errors (camelCase, as in the query string) and throws them as one 400.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = [];

        public void Add(string field, string error)
        {
            if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
            list.Add(error);
        }

        public void ThrowIfAny()
        {
            if (_errors.Count > 0) throw new DomainValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        public List<string> List(string field, string[]? raw)
        {
            var values = (raw ?? []).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct().ToList();
            if (values.Count > MaxListValues) { Add(field, $"At most {MaxListValues} values."); return []; }
            return values;
        }

        public long? Long(string field, string? raw)
        {
            if (raw is null) return null;
            if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0) return value;
            Add(field, "A whole number, 0 or more.");
            return null;
        }

        public int? Int(string field, string? raw, int min, int max)
        {
            if (raw is null) return null;
            if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
            Add(field, max == int.MaxValue ? $"A whole number, {min} or more." : $"A whole number from {min} to {max}.");
            return null;
        }

        public double? Double(string field, string? raw, double min, double max)
        {
            if (raw is null) return null;
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max)
                return value;
            Add(field, $"A number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        public bool? Bool(string field, string? raw)
        {
            if (raw is null) return null;
            if (bool.TryParse(raw, out var value)) return value;
            Add(field, "true or false.");
            return null;
        }
    }
}
