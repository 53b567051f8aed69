using System.Globalization;
using NpgsqlTypes;

namespace Matchmaking.Matching.Engine;

/// <summary>
/// <see cref="MatchCriteria"/>'s score in SQL, so candidates can be ranked where they are stored. Every part is the same
/// formula except certification strength, which SQL cannot judge by date from the compact certificate column: it takes
/// the best verification and the preferred schemes held whatever their dates. So the SQL value is an upper bound of the
/// score, equal to it while every certificate is inside its dates; the engine re-scores exactly and reads further pages
/// until no unread candidate could still beat its last kept match. A test holds the two formulas together.
/// </summary>
internal static class ScoreBound
{
    /// <summary>Slack for floating-point differences between PostgreSQL and .NET arithmetic, and the score's 4-decimal rounding.</summary>
    public const double Tolerance = 1e-4;

    public static string Sql(NeedFacts n, string c, Func<object, NpgsqlDbType, string> param)
    {
        static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "::float8";
        string Hits(string mask) => $"bit_count({c}.{mask}::bit(64))::float8";

        var (keywords, titles) = (n.KeywordTerms.Length, n.TitleTerms.Length);
        var text = (keywords, titles) switch
        {
            (> 0, > 0) => $"({F(0.6)} * {Hits("keyword_mask")} / {keywords} + {F(0.4)} * {Hits("title_mask")} / {titles})",
            (> 0, 0) => $"({Hits("keyword_mask")} / {keywords})",
            (0, > 0) => $"({Hits("title_mask")} / {titles})",
            _ => F(0),
        };

        var preferred = n.PreferredSchemes.Select(s => $"CASE WHEN {c}.held @> ARRAY[{param(s, NpgsqlDbType.Text)}]::text[] THEN 1 ELSE 0 END").ToList();
        var certification = preferred.Count == 0
            ? $"{c}.cert_strength"
            : $"({F(0.6)} * {c}.cert_strength + {F(0.4)} * ({string.Join(" + ", preferred)})::float8 / {preferred.Count})";

        var accepted = n.Packaging.Length == 0 ? "true" : $"{c}.packaging = ANY({param(n.Packaging, NpgsqlDbType.Array | NpgsqlDbType.Text)})";
        var sustainability = $"""
            ({F(0.8)} * (CASE {c}.packaging WHEN 'plastic-free' THEN 1.0 WHEN 'reusable' THEN 1.0 WHEN 'compostable' THEN 0.8
                WHEN 'biodegradable' THEN 0.8 WHEN 'recycled' THEN 0.6 ELSE 0.0 END)::float8 * (CASE WHEN {accepted} THEN 1.0 ELSE 0.5 END)::float8
             + (CASE WHEN {c}.supplier_verified THEN 0.2 ELSE 0.0 END)::float8)
            """;

        var (lat, lon) = (param(n.Latitude, NpgsqlDbType.Double), param(n.Longitude, NpgsqlDbType.Double));
        var km = $"(2 * 6371.0088 * asin(least(1.0, sqrt(power(sin(radians({c}.lat - {lat}) / 2), 2)"
               + $" + cos(radians({lat})) * cos(radians({c}.lat)) * power(sin(radians({c}.lon - {lon}) / 2), 2)))))";
        var scale = n.MaxDistanceKm is > 0 ? n.MaxDistanceKm.Value : MatchCriteria.DefaultDistanceScaleKm;
        var distance = $"greatest(0.0, least(1.0, 1.0 - {km} / {F(scale)}))";

        // The tier with the largest minimum quantity at or below the need's quantity; below every tier, the first.
        var quantity = param(n.QuantityPerMonth, NpgsqlDbType.Bigint);
        var unitPrice = $"coalesce((SELECT {c}.tiers[2 * i] FROM generate_series(cardinality({c}.tiers) / 2, 1, -1) AS i"
                      + $" WHERE {c}.tiers[2 * i - 1] <= {quantity} LIMIT 1), {c}.tiers[2])";
        var price = n.MaxUnitPriceVnd is > 0 and var ceiling
            ? $"coalesce(greatest(0.0, least(1.0, ({ceiling} - {unitPrice})::float8 / (0.5 * {ceiling}))), 0.0)"
            : F(0.5);

        var limit = n.MaxLeadTimeDays ?? MatchCriteria.DefaultLeadTimeDays;
        var leadTime = limit <= 0
            ? $"(CASE WHEN {c}.lead_time_days <= 0 THEN 1.0 ELSE 0.0 END)::float8"
            : $"greatest(0.0, least(1.0, 1.0 - {c}.lead_time_days / {F(2.0 * limit)}))";

        var w = n.Weights;
        return $"({F(w.TextRelevance)} * {text} + {F(w.CertificationStrength)} * {certification} + {F(w.Sustainability)} * {sustainability}"
             + $" + {F(w.Distance)} * {distance} + {F(w.Price)} * {price} + {F(w.LeadTime)} * {leadTime})";
    }
}
