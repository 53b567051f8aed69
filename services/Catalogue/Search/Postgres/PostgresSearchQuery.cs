using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Catalogue.Search.Postgres;

/// <summary>
/// Builds and runs one search as a single statement: a materialised base set (text match and the filters that are not
/// facets), with a boolean per facet filter so each facet's counts ignore its own filter; total, the page of hits and
/// the facet counts come back as one row. Every user value is a parameter; text is sanitised before it is one.
/// </summary>
internal sealed class PostgresSearchQuery
{
    public const double TextWeight = 0.7, SustainabilityWeight = 0.3, ProximityWeight = 0.15;
    /// <summary>pg_trgm word similarity above which a misspelt query still matches a name (the &lt;% operator).</summary>
    public const double TypoThreshold = 0.6;
    private const double KmPerDegree = 111.19;

    private readonly List<NpgsqlParameter> _parameters = [];
    private readonly ProductSearchQuery _query;
    private readonly bool _typos;
    private readonly string _today;

    private PostgresSearchQuery(ProductSearchQuery query, bool typos)
    {
        _query = query;
        _typos = typos;
        _today = Param(query.Today, NpgsqlDbType.Date);
    }

    /// <summary>The query's day is inside the row's precomputed window (sus_score, cur_schemes, cur_ocop hold).</summary>
    private string InWindow => $"({_today} >= p.sus_from AND {_today} < p.sus_until)";

    /// <summary>The statement and parameters for a query, for EXPLAIN when tuning.</summary>
    internal static (string Sql, IReadOnlyList<NpgsqlParameter> Parameters) Compile(ProductSearchQuery query, bool typos = false)
    {
        var builder = new PostgresSearchQuery(query, typos);
        return (builder.Build().Sql, builder._parameters);
    }

    /// <summary>
    /// Exact full-text matching first; only when it finds nothing does the query run again with trigram typo matching,
    /// whose candidate rechecks cost far more than a full-text lookup when a query's words are common.
    /// </summary>
    public static async Task<SearchResult> RunAsync(NpgsqlDataSource dataSource, ProductSearchQuery query, CancellationToken ct)
    {
        var exact = await RunOnceAsync(dataSource, query, typos: false, ct);
        return exact.Total > 0 || SearchText.Sanitise(query.Text).Length == 0
            ? exact
            : await RunOnceAsync(dataSource, query, typos: true, ct);
    }

    private static async Task<SearchResult> RunOnceAsync(NpgsqlDataSource dataSource, ProductSearchQuery query, bool typos, CancellationToken ct)
    {
        var builder = new PostgresSearchQuery(query, typos);
        var (sql, facets) = builder.Build();
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SET pg_trgm.word_similarity_threshold = {TypoThreshold.ToString(CultureInfo.InvariantCulture)}"));
        // JIT compiling a plan costs far more than these short queries run for.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET jit = off"));
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in builder._parameters) command.Parameters.Add(parameter);
        batch.BatchCommands.Add(command);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (reader.FieldCount == 0 && await reader.NextResultAsync(ct)) { }
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);
        var hits = ReadHits(reader.GetString(1), query);
        var counts = new Dictionary<string, IReadOnlyList<FacetCount>>();
        for (var i = 0; i < facets.Count; i++)
            counts[facets[i]] = JsonSerializer.Deserialize<List<JsonElement>>(reader.GetString(2 + i))!
                .Select(e => new FacetCount(e[0].ToString(), e[1].GetInt64())).ToList();
        return new SearchResult(total, hits, counts);
    }

    private (string Sql, List<string> Facets) Build()
    {
        var q = _query;
        var where = new List<string> { "NOT p.deleted" };
        var flags = new Dictionary<string, string>();
        string textScore = "0.0", distance = "NULL::double precision", proximity = "0.0";

        var text = SearchText.Sanitise(q.Text);
        if (text.Length > 0)
        {
            var t = Param(text, NpgsqlDbType.Text);
            var fold = $"lower(public.immutable_unaccent({t}))";
            var all = $"(plainto_tsquery('simple', public.immutable_unaccent({t})) || plainto_tsquery('english', {t}))";
            // For ranking, any word counts: a misspelt word must not zero the rank of the others.
            var any = $"(replace(plainto_tsquery('simple', public.immutable_unaccent({t}))::text, ' & ', ' | ')::tsquery"
                    + $" || replace(plainto_tsquery('english', {t})::text, ' & ', ' | ')::tsquery)";
            where.Add(_typos ? $"(p.tsv @@ {all} OR {fold} <% p.name_fold)" : $"p.tsv @@ {all}");
            // Trigram similarity is the costly part, so a full-text match is ranked by ts_rank_cd alone (plus a name
            // bonus) and only the typo matches pay for word_similarity.
            textScore = $"CASE WHEN p.tsv @@ {all} THEN least(1.0, 0.6 + 0.4 * least(1.0, 2 * ts_rank_cd(p.tsv, {any}, 32)))"
                      + $" ELSE 0.6 * word_similarity({fold}, p.name_fold) END";
        }
        if (q.Near is { } near)
        {
            var (lat, lon) = (Param(near.Latitude, NpgsqlDbType.Double), Param(near.Longitude, NpgsqlDbType.Double));
            distance = $"(2 * 6371.0088 * asin(least(1.0, sqrt(power(sin(radians(p.lat - {lat}) / 2), 2)"
                     + $" + cos(radians({lat})) * cos(radians(p.lat)) * power(sin(radians(p.lon - {lon}) / 2), 2)))))";
            proximity = $"(1.0 / (1.0 + {distance} / 10.0))";
            if (q.WithinKm is { } km)
            {
                // A bounding box the (lat, lon) index can use first; the haversine decides.
                var dLat = km / KmPerDegree;
                where.Add($"p.lat BETWEEN {Param(near.Latitude - dLat, NpgsqlDbType.Double)} AND {Param(near.Latitude + dLat, NpgsqlDbType.Double)}");
                var cos = Math.Cos(near.Latitude * Math.PI / 180);
                var dLon = cos > 0.01 ? km / (KmPerDegree * cos) : 360;
                if (near.Longitude - dLon > -180 && near.Longitude + dLon < 180)
                    where.Add($"p.lon BETWEEN {Param(near.Longitude - dLon, NpgsqlDbType.Double)} AND {Param(near.Longitude + dLon, NpgsqlDbType.Double)}");
                where.Add($"{distance} <= {Param(km, NpgsqlDbType.Double)}");
            }
        }
        if (q.MoqAtMost is { } moq) where.Add($"p.moq <= {Param(moq, NpgsqlDbType.Bigint)}");
        if (q.CapacityAtLeast is { } capacity) where.Add($"p.capacity >= {Param(capacity, NpgsqlDbType.Bigint)}");
        if (q.VerifiedSuppliersOnly) where.Add("p.supplier_verified");

        if (q.Categories.Count > 0) flags[SearchFacets.Category] = $"p.category = ANY({Param(q.Categories.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)})";
        if (q.Packaging.Count > 0) flags[SearchFacets.Packaging] = $"p.packaging = ANY({Param(q.Packaging.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)})";
        if (q.Schemes.Count > 0)
            flags[SearchFacets.Scheme] = string.Join(" AND ", q.Schemes.Distinct().Select(s => Param(s, NpgsqlDbType.Text)).Select(s =>
                $"(p.cert_schemes @> ARRAY[{s}]::text[] AND CASE WHEN {InWindow} THEN p.cur_schemes @> ARRAY[{s}]::text[] ELSE EXISTS (SELECT 1 FROM unnest(p.cert_schemes, p.cert_from, p.cert_until) AS c(s, f, u) WHERE c.s = {s} AND {Valid}) END)"));
        if (q.OcopStarsAtLeast is { } stars)
        {
            var n = Param(stars, NpgsqlDbType.Integer);
            flags[SearchFacets.OcopStars] = $"(p.ocop_max >= {n} AND CASE WHEN {InWindow} THEN p.cur_ocop >= {n} ELSE EXISTS (SELECT 1 FROM unnest(p.cert_ocop, p.cert_from, p.cert_until) AS c(o, f, u) WHERE c.o >= {n} AND {Valid}) END)";
        }
        if (q.Province is { Length: > 0 }) flags[SearchFacets.Province] = $"p.province_key = lower(public.immutable_unaccent({Param(q.Province, NpgsqlDbType.Text)}))";
        if (q.District is { Length: > 0 }) flags[SearchFacets.District] = $"p.district_key = lower(public.immutable_unaccent({Param(q.District, NpgsqlDbType.Text)}))";
        if (q.CraftVillage is { Length: > 0 }) flags[SearchFacets.CraftVillage] = $"p.village_key = lower(public.immutable_unaccent({Param(q.CraftVillage, NpgsqlDbType.Text)}))";
        var price = new List<string>();
        if (q.PriceMinVnd is { } min) price.Add($"p.min_price >= {Param(min, NpgsqlDbType.Bigint)}");
        if (q.PriceMaxVnd is { } max) price.Add($"p.min_price <= {Param(max, NpgsqlDbType.Bigint)}");
        if (price.Count > 0) flags[SearchFacets.PriceRange] = string.Join(" AND ", price);

        // A NULL flag (a product without OCOP stars, say) must read as false, or the facet arithmetic below drops the row.
        foreach (var key in flags.Keys.ToList()) flags[key] = $"coalesce(({flags[key]}), false)";
        var facets = q.Facets.Where(SearchFacets.All.Contains).Distinct().ToList();
        var flagNames = flags.Keys.ToList();
        if (facets.Count == 0) where.AddRange(flags.Values);  // no facets: every filter in WHERE, where indexes can serve it
        else if (flags.Count > 0) where.Add($"({string.Join(" + ", flags.Values.Select(f => $"(NOT ({f}))::int"))}) <= 1");

        var sustainability = $"""
            CASE WHEN {InWindow} THEN p.sus_score
            ELSE 0.4 * p.packaging_score + 0.45 * least(1.0, (SELECT coalesce(sum(c.w), 0) FROM unnest(p.cert_from, p.cert_until, p.cert_weight) AS c(f, u, w) WHERE {Valid}))
                 + CASE WHEN p.supplier_verified THEN 0.15 ELSE 0 END END
            """;
        var flagColumns = facets.Count == 0 ? "" : string.Concat(flagNames.Select((f, i) => $", ({flags[f]}) AS f{i}"));
        var facetColumns = (facets.Contains(SearchFacets.Scheme) ? $", CASE WHEN {InWindow} THEN p.cur_schemes ELSE (SELECT array_agg(DISTINCT c.s) FROM unnest(p.cert_schemes, p.cert_from, p.cert_until) AS c(s, f, u) WHERE {Valid}) END AS vs" : "")
            + (facets.Contains(SearchFacets.OcopStars) ? $", CASE WHEN {InWindow} THEN p.cur_ocop ELSE (SELECT max(c.o) FROM unnest(p.cert_ocop, p.cert_from, p.cert_until) AS c(o, f, u) WHERE {Valid}) END AS vo" : "");
        string Matching(string? except) => facets.Count == 0 ? "true"
            : string.Join(" AND ", flagNames.Select((f, i) => (f, i)).Where(x => x.f != except).Select(x => $"f{x.i}").DefaultIfEmpty("true"));

        var order = q.Sort switch
        {
            SearchSort.Distance when q.Near is not null => "dist, product_id",
            SearchSort.PriceAscending => "min_price, product_id",
            SearchSort.PriceDescending => "min_price DESC, product_id",
            _ => "score DESC, product_id",
        };
        var score = $"{TextWeight} * text_score + {SustainabilityWeight} * sus" + (q.Near is null ? "" : $" + {ProximityWeight} * prox");
        var offset = (long)(Math.Max(q.Page, 1) - 1) * q.PageSize;

        var sql = $"""
            WITH base AS MATERIALIZED (
                SELECT p.product_id, p.category, p.packaging, p.province, p.district, p.craft_village, p.min_price,
                       {textScore} AS text_score, {sustainability} AS sus, {distance} AS dist, {proximity} AS prox{flagColumns}{facetColumns}
                FROM search_products p
                WHERE {string.Join("\n  AND ", where)}),
            scored AS (SELECT b.*, {score} AS score FROM base b WHERE {Matching(null)})
            SELECT (SELECT count(*) FROM scored) AS total,
                   (SELECT coalesce(jsonb_agg(jsonb_build_object('id', h.product_id, 'text', h.text_score, 'sus', h.sus,
                        'prox', h.prox, 'dist', h.dist, 'score', h.score, 'doc', sp.doc) ORDER BY h.rn), '[]')::text
                    FROM (SELECT s.*, row_number() OVER (ORDER BY {order}) AS rn FROM scored s
                          ORDER BY {order} LIMIT {Param(q.PageSize, NpgsqlDbType.Integer)} OFFSET {Param(offset, NpgsqlDbType.Bigint)}) h
                    JOIN search_products sp ON sp.product_id = h.product_id) AS hits
                   {string.Concat(facets.Select(f => $",\n({FacetSql(f, Matching(f))}) AS facet_{f}"))}
            """;
        return (sql, facets);
    }

    /// <summary>A counted certificate (alias c with from f and until u) counts on the query's day.</summary>
    private string Valid => $"c.f <= {_today} AND (c.u IS NULL OR c.u >= {_today})";

    private static string FacetSql(string facet, string matching)
    {
        var (value, from, orderBy) = facet switch
        {
            SearchFacets.Scheme => ("v", "base b, unnest(b.vs) AS v", "n DESC, v"),
            SearchFacets.OcopStars => ("b.vo::text", "base b", "v DESC"),
            SearchFacets.Category => ("b.category", "base b", "n DESC, v"),
            SearchFacets.Packaging => ("b.packaging", "base b", "n DESC, v"),
            SearchFacets.Province => ("b.province", "base b", "n DESC, v"),
            SearchFacets.District => ("b.district", "base b", "n DESC, v"),
            SearchFacets.CraftVillage => ("b.craft_village", "base b", "n DESC, v"),
            SearchFacets.PriceRange => (PriceBucketSql, "base b", "lo"),
            _ => throw new ArgumentOutOfRangeException(nameof(facet), facet, "Unknown facet"),
        };
        var lo = facet == SearchFacets.PriceRange ? "min(b.min_price)" : "0";
        return $"""
            SELECT coalesce(jsonb_agg(jsonb_build_array(v, n) ORDER BY {orderBy}), '[]')::text
            FROM (SELECT {value} AS v, count(*) AS n, {lo} AS lo FROM {from} WHERE {matching} AND {value} IS NOT NULL GROUP BY 1) x
            """;
    }

    private static string PriceBucketSql => "CASE " + string.Concat(SearchFacets.PriceBuckets.Select(b =>
        b.To is { } to ? $"WHEN b.min_price < {to} THEN '{SearchFacets.PriceBucketName(b)}' " : $"ELSE '{SearchFacets.PriceBucketName(b)}' ")) + "END";

    private string Param(object value, NpgsqlDbType type)
    {
        _parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return $"${_parameters.Count}";
    }

    private static List<SearchHit> ReadHits(string json, ProductSearchQuery query)
    {
        var hits = new List<SearchHit>();
        foreach (var h in JsonSerializer.Deserialize<List<JsonElement>>(json)!)
        {
            var d = h.GetProperty("doc").Deserialize<SearchDocument>(PostgresProductSearchIndex.DocumentJson)!;
            var text = h.GetProperty("text").GetDouble();
            double? distance = h.GetProperty("dist").ValueKind == JsonValueKind.Null ? null : h.GetProperty("dist").GetDouble();
            double? proximity = distance is null ? null : h.GetProperty("prox").GetDouble();
            var reasons = new List<string>();
            if (query.Text is { Length: > 0 }) reasons.Add($"text match {text:0.00}");
            reasons.AddRange(Sustainability.Reasons(d, query.Today));
            if (distance is { } km) reasons.Add($"{km:0.0} km away");
            hits.Add(new SearchHit(d.ProductId, d.NameVi, d.NameEn, d.SupplierId, d.SupplierName, d.SupplierVerified, d.Category, d.Packaging,
                d.MinUnitPriceVnd, d.MinimumOrderQuantity, d.MonthlyCapacity, d.CraftVillage, d.District, d.Province,
                [.. d.Certifications.Where(c => c.CountsOn(query.Today)).Select(c => c.SchemeCode).Distinct().Order(StringComparer.Ordinal)],
                distance is null ? null : Math.Round(distance.Value, 2), Math.Round(h.GetProperty("score").GetDouble(), 4),
                new ScoreExplanation(Math.Round(text, 4), Math.Round(h.GetProperty("sus").GetDouble(), 4),
                    proximity is null ? null : Math.Round(proximity.Value, 4), reasons)));
        }
        return hits;
    }
}
