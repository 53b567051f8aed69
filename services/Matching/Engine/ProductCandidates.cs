using System.Text;
using Matchmaking.Matching.Data;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Matching.Engine;

/// <summary>A product that passed the SQL filter, with its text hits and an upper bound of its score for the need.</summary>
internal readonly record struct ProductCandidate(ProductFacts Product, TextHits Hits, double Bound);

/// <summary>
/// The products a need could match, best bound first, a page at a time. The filter uses the indexed columns (category,
/// capacity, MOQ, lowest price, a latitude/longitude box, schemes held, OCOP stars); the need's terms are tested against
/// each product's text once; <see cref="ScoreBound"/> ranks. A category can hold thousands of qualifying products while a
/// need keeps a hundred, so only the best pages travel to the engine.
/// </summary>
internal static class ProductCandidates
{
    public static async Task<List<ProductCandidate>> PageAsync(MatchingDbContext db, NeedFacts need, DateOnly today, int offset, int limit,
        CancellationToken ct)
    {
        var (sql, parameters) = Compile(need, today, offset, limit);
        await using var command = await db.CommandAsync(sql, ct);
        command.Parameters.AddRange(parameters.ToArray());
        var page = new List<ProductCandidate>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        const int extra = CandidateQueries.ProductColumnCount;
        while (await reader.ReadAsync(ct))
            page.Add(new ProductCandidate(CandidateQueries.ReadProduct(reader),
                new TextHits(reader.GetInt64(extra), reader.GetInt64(extra + 1)), reader.GetDouble(extra + 2)));
        return page;
    }

    /// <summary>
    /// The statement and its parameters; also what to EXPLAIN when tuning. No count of all candidates: a window over
    /// rows this wide would spill to disk; the top-N sort keeps only a page in memory.
    /// </summary>
    internal static (string Sql, List<NpgsqlParameter> Parameters) Compile(NeedFacts need, DateOnly today, int offset, int limit)
    {
        var parameters = new List<NpgsqlParameter>();
        string Param(object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            return "$" + parameters.Count;
        }

        var where = new List<string>
        {
            "NOT p.withdrawn",
            $"p.category = {Param(need.Category, NpgsqlDbType.Text)}",
            $"p.unit_key = {Param(need.UnitKey, NpgsqlDbType.Text)}",
        };
        var quantity = Param(need.QuantityPerMonth, NpgsqlDbType.Bigint);
        where.Add($"p.monthly_capacity >= {quantity}");
        where.Add($"p.minimum_order_quantity <= {quantity}");
        if (need.MaxUnitPriceVnd is { } ceiling) where.Add($"p.min_price <= {Param(ceiling, NpgsqlDbType.Bigint)}");
        if (need.MaxDistanceKm is { } km)
        {
            var box = Geo.BoundingBox(need.Latitude, need.Longitude, km);
            where.Add($"p.lat BETWEEN {Param(box.MinLat, NpgsqlDbType.Double)} AND {Param(box.MaxLat, NpgsqlDbType.Double)}");
            if (box.MinLon is { } minLon && box.MaxLon is { } maxLon)
                where.Add($"p.lon BETWEEN {Param(minLon, NpgsqlDbType.Double)} AND {Param(maxLon, NpgsqlDbType.Double)}");
        }
        if (need.RequiredSchemes.Length > 0)
        {
            where.Add($"p.schemes @> {Param(need.RequiredSchemes, NpgsqlDbType.Array | NpgsqlDbType.Text)}");
            // Held is not enough: a certificate must count today. Without this, a category full of lapsed certificates
            // ranks first by bound and is read page after page only to fail in C#. certs hold ISO dates, so text order is date order.
            var day = Param(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            foreach (var scheme in need.RequiredSchemes)
                where.Add($"""
                    EXISTS (SELECT 1 FROM unnest(p.certs) AS c(e) WHERE split_part(c.e, '|', 1) = {Param(scheme, NpgsqlDbType.Text)}
                        AND split_part(c.e, '|', 3) COLLATE "C" <= {day} AND (split_part(c.e, '|', 4) = '' OR split_part(c.e, '|', 4) COLLATE "C" >= {day}))
                    """);
        }
        if (need.MinimumOcopStars is { } stars) where.Add($"p.ocop_max >= {Param(stars, NpgsqlDbType.Integer)}");

        // Each term becomes a query once (a materialised CTE), then one @@ per candidate and term builds the masks.
        var terms = new List<string>();
        string Mask(string[] values, string prefix)
        {
            if (values.Length == 0) return "0::bigint";
            var bits = new StringBuilder("(");
            for (var i = 0; i < values.Length; i++)
            {
                terms.Add($"public.matching_term_query({Param(values[i], NpgsqlDbType.Text)}) AS {prefix}{i}");
                bits.Append(i == 0 ? "" : " + ").Append($"CASE WHEN p.tsv @@ q.{prefix}{i} THEN {1L << i} ELSE 0 END");
            }
            return bits.Append(")::bigint").ToString();
        }
        var keywordMask = Mask(need.KeywordTerms, "k");
        var titleMask = Mask(need.TitleTerms, "t");
        var bound = ScoreBound.Sql(need, "c", Param);
        var with = terms.Count == 0 ? "" : $"q AS MATERIALIZED (SELECT {string.Join(", ", terms)}),\n";
        var sql = $"""
            WITH {with}c AS (
                SELECT {CandidateQueries.ProductColumns}, {keywordMask} AS keyword_mask, {titleMask} AS title_mask,
                       p.cert_strength, p.schemes AS held
                FROM products p{(terms.Count == 0 ? "" : " CROSS JOIN q")}
                WHERE {string.Join(" AND ", where)})
            SELECT c.product_id, c.supplier_id, c.version, c.category, c.unit_key, c.monthly_capacity, c.minimum_order_quantity,
                   c.tiers, c.lead_time_days, c.packaging, c.supplier_verified, c.lat, c.lon, c.certs,
                   c.keyword_mask, c.title_mask, {bound} AS bound
            FROM c
            ORDER BY bound DESC, c.product_id
            LIMIT {Param(limit, NpgsqlDbType.Integer)} OFFSET {Param(offset, NpgsqlDbType.Integer)}
            """;
        return (sql, parameters);
    }
}
