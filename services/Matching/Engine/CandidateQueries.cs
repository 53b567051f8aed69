using Matchmaking.Matching.Data;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Matching.Engine;

/// <summary>
/// The SQL half of matching (with <see cref="ProductCandidates"/>): lock the subject, narrow candidates on indexed columns
/// and test the need's terms against the product's text, one bit per term. Everything these queries let through is
/// decided by <see cref="MatchCriteria"/>, so they may only be wider, never narrower.
/// </summary>
internal static class CandidateQueries
{
    internal const string ProductColumns = """
        p.product_id, p.supplier_id, p.version, p.category, p.unit_key, p.monthly_capacity, p.minimum_order_quantity,
        p.tiers, p.lead_time_days, p.packaging, p.supplier_verified, p.lat, p.lon, p.certs
        """;
    internal const int ProductColumnCount = 14;

    private const string NeedColumns = """
        n.need_id, n.version, n.retailer_id, n.summary->>'retailerName', n.summary->>'title', n.category, n.summary->>'unit',
        n.unit_key, n.quantity_per_month, n.max_unit_price, n.min_ocop, n.required_schemes, n.preferred_schemes, n.packaging,
        n.max_distance_km, n.max_lead_time_days, n.lat, n.lon, n.summary->>'deliveryDistrict', n.valid_until, n.weights,
        n.keyword_terms, n.title_terms
        """;
    private const int NeedColumnCount = 23;

    /// <summary>The live product, locked for this transaction so two rematches of it run one after the other.</summary>
    public static async Task<ProductFacts?> LockProductAsync(MatchingDbContext db, Guid productId, CancellationToken ct)
    {
        await using var command = (await db.CommandAsync($"SELECT {ProductColumns} FROM products p WHERE p.product_id = $1 AND NOT p.withdrawn FOR UPDATE", ct))
            .With(productId, NpgsqlDbType.Uuid);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadProduct(reader) : null;
    }

    /// <summary>The need with its status, locked for this transaction; null when unknown or only a close has arrived.</summary>
    public static async Task<(NeedFacts Need, string Status)?> LockNeedAsync(MatchingDbContext db, Guid needId, CancellationToken ct)
    {
        await using var command = (await db.CommandAsync($"SELECT {NeedColumns}, n.status FROM needs n WHERE n.need_id = $1 AND n.snapshot IS NOT NULL FOR UPDATE", ct))
            .With(needId, NpgsqlDbType.Uuid);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (ReadNeed(reader), reader.GetString(NeedColumnCount)) : null;
    }

    /// <summary>
    /// Serialises need computations against product computations in a category until commit (product ones share the lock).
    /// Without it a product and a need written at the same moment would each be matched before the other committed, and
    /// neither computation would see the pair; with it, whichever runs second reads the other's committed row.
    /// </summary>
    public static async Task LockCategoryAsync(MatchingDbContext db, string category, bool exclusive, CancellationToken ct)
    {
        var function = exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared";
        await using var command = (await db.CommandAsync($"SELECT {function}({CategoryLockSpace}, hashtext($1))", ct)).With(category, NpgsqlDbType.Text);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The first key of the category locks, so they never collide with other advisory locks in this database.</summary>
    private const int CategoryLockSpace = 0x4D41_5443;

    /// <summary>Open needs the product could satisfy on <paramref name="today"/>, with the product's text tested against each need's terms.</summary>
    public static async Task<List<(NeedFacts Need, TextHits Hits)>> NeedsForProductAsync(MatchingDbContext db, ProductFacts product, DateOnly today,
        CancellationToken ct)
    {
        const string sql = $"""
            SELECT {NeedColumns},
                (SELECT coalesce(sum(1::bigint << (x.o - 1)::int), 0) FROM unnest(n.keyword_queries) WITH ORDINALITY AS x(q, o) WHERE pr.tsv @@ x.q)::bigint,
                (SELECT coalesce(sum(1::bigint << (x.o - 1)::int), 0) FROM unnest(n.title_queries) WITH ORDINALITY AS x(q, o) WHERE pr.tsv @@ x.q)::bigint
            FROM needs n CROSS JOIN (SELECT tsv FROM products WHERE product_id = $1) pr
            WHERE n.status = 'open' AND n.category = $2 AND n.unit_key = $3
              AND n.quantity_per_month >= $4 AND n.quantity_per_month <= $5
              AND (n.max_unit_price IS NULL OR n.max_unit_price >= $6)
              AND (n.valid_until IS NULL OR n.valid_until >= $7)
              AND n.required_schemes <@ $8
              AND (n.min_ocop IS NULL OR n.min_ocop <= $9)
              AND (n.max_distance_km IS NULL OR abs(n.lat - $10) * 111.19 <= n.max_distance_km * 1.01)
            """;
        await using var command = (await db.CommandAsync(sql, ct))
            .With(product.ProductId, NpgsqlDbType.Uuid).With(product.Category, NpgsqlDbType.Text).With(product.UnitKey, NpgsqlDbType.Text)
            .With(product.MinimumOrderQuantity, NpgsqlDbType.Bigint).With(product.MonthlyCapacity, NpgsqlDbType.Bigint)
            .With(product.LowestPrice, NpgsqlDbType.Bigint).With(today, NpgsqlDbType.Date)
            .With(product.SchemesOn(today), NpgsqlDbType.Array | NpgsqlDbType.Text).With(product.OcopStarsOn(today), NpgsqlDbType.Integer)
            .With(product.Latitude, NpgsqlDbType.Double);
        var candidates = new List<(NeedFacts, TextHits)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            candidates.Add((ReadNeed(reader), new TextHits(reader.GetInt64(NeedColumnCount), reader.GetInt64(NeedColumnCount + 1))));
        return candidates;
    }

    internal static ProductFacts ReadProduct(NpgsqlDataReader r)
    {
        var tiers = r.GetFieldValue<long[]>(7);
        var (tierMin, tierPrice) = (new long[tiers.Length / 2], new long[tiers.Length / 2]);
        for (var i = 0; i < tierMin.Length; i++) (tierMin[i], tierPrice[i]) = (tiers[2 * i], tiers[2 * i + 1]);
        var certs = r.GetFieldValue<string[]>(13);
        var certificates = new CertificateFacts[certs.Length];
        for (var i = 0; i < certs.Length; i++) certificates[i] = CertificateFacts.Decode(certs[i]);
        return new ProductFacts
        {
            ProductId = r.GetGuid(0),
            SupplierId = r.GetGuid(1),
            Version = r.GetInt64(2),
            Category = r.GetString(3),
            UnitKey = r.GetString(4),
            MonthlyCapacity = r.GetInt64(5),
            MinimumOrderQuantity = r.GetInt64(6),
            TierMin = tierMin,
            TierPrice = tierPrice,
            LeadTimeDays = r.GetInt32(8),
            Packaging = r.GetString(9),
            SupplierVerified = r.GetBoolean(10),
            Latitude = r.GetDouble(11),
            Longitude = r.GetDouble(12),
            Certificates = certificates,
        };
    }

    private static NeedFacts ReadNeed(NpgsqlDataReader r)
    {
        var w = r.GetFieldValue<double[]>(20);
        return new NeedFacts
        {
            NeedId = r.GetGuid(0),
            Version = r.GetInt64(1),
            RetailerId = r.GetGuid(2),
            RetailerName = r.IsDBNull(3) ? "" : r.GetString(3),
            Title = r.IsDBNull(4) ? "" : r.GetString(4),
            Category = r.GetString(5),
            Unit = r.IsDBNull(6) ? "" : r.GetString(6),
            UnitKey = r.GetString(7),
            QuantityPerMonth = r.GetInt64(8),
            MaxUnitPriceVnd = r.NullableValue<long>(9),
            MinimumOcopStars = r.NullableValue<int>(10),
            RequiredSchemes = r.GetFieldValue<string[]>(11),
            PreferredSchemes = r.GetFieldValue<string[]>(12),
            Packaging = r.GetFieldValue<string[]>(13),
            MaxDistanceKm = r.NullableValue<double>(14),
            MaxLeadTimeDays = r.NullableValue<int>(15),
            Latitude = r.GetDouble(16),
            Longitude = r.GetDouble(17),
            DeliveryDistrict = r.IsDBNull(18) ? "" : r.GetString(18),
            ValidUntil = r.NullableValue<DateOnly>(19),
            Weights = w.Length == 6 ? new MatchWeights(w[0], w[1], w[2], w[3], w[4], w[5]) : MatchWeights.Normalised(1, 1, 1, 1, 1, 1),
            KeywordTerms = r.GetFieldValue<string[]>(21),
            TitleTerms = r.GetFieldValue<string[]>(22),
        };
    }
}
