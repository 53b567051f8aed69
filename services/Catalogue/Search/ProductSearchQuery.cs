namespace Matchmaking.Catalogue.Search;

public enum SearchSort { Relevance, Distance, PriceAscending, PriceDescending }

/// <summary>A validated search request. The API edge checks ranges and sizes before an adapter sees it.</summary>
public sealed record ProductSearchQuery
{
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 200;

    public string? Text { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>Each listed scheme must be held by a certificate that counts today.</summary>
    public IReadOnlyList<string> Schemes { get; init; } = [];
    public int? OcopStarsAtLeast { get; init; }
    public string? Province { get; init; }
    public string? District { get; init; }
    public string? CraftVillage { get; init; }
    public IReadOnlyList<string> Packaging { get; init; } = [];
    public long? PriceMinVnd { get; init; }
    public long? PriceMaxVnd { get; init; }
    public long? MoqAtMost { get; init; }
    public long? CapacityAtLeast { get; init; }
    public bool VerifiedSuppliersOnly { get; init; }
    public GeoPoint? Near { get; init; }
    public double? WithinKm { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    /// <summary>Facets to count: any of <see cref="SearchFacets.All"/>.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];
    /// <summary>The calendar day certificates are judged on (Vietnam's date).</summary>
    public required DateOnly Today { get; init; }
}

public sealed record GeoPoint(double Latitude, double Longitude);

public static class SearchFacets
{
    public const string Category = "category";
    public const string Scheme = "scheme";
    public const string OcopStars = "ocopStars";
    public const string Province = "province";
    public const string District = "district";
    public const string CraftVillage = "craftVillage";
    public const string Packaging = "packaging";
    public const string PriceRange = "priceRange";

    public static readonly IReadOnlyList<string> All = [Category, Scheme, OcopStars, Province, District, CraftVillage, Packaging, PriceRange];

    /// <summary>The priceRange buckets over MinUnitPriceVnd, in VND: [From, To), the last one open.</summary>
    public static readonly IReadOnlyList<(long From, long? To)> PriceBuckets =
        [(0, 10_000), (10_000, 50_000), (50_000, 200_000), (200_000, 1_000_000), (1_000_000, null)];

    /// <summary>A bucket's facet value: "10000-50000", or "1000000-" for the open one.</summary>
    public static string PriceBucketName((long From, long? To) bucket) => $"{bucket.From}-{bucket.To}";
}
