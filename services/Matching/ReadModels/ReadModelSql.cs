namespace Matchmaking.Matching.ReadModels;

/// <summary>
/// One statement each for single and bulk writes: rows arrive as a jsonb array whose keys are the column names.
/// Order safety: an existing row is replaced only by a strictly newer version (a tombstone or a close included).
/// </summary>
internal static class ReadModelSql
{
    public const string UpsertProducts = """
        INSERT INTO products AS p (product_id, version, withdrawn, supplier_id, category, unit_key, monthly_capacity,
            minimum_order_quantity, min_price, tiers, lead_time_days, packaging, supplier_verified, lat, lon,
            schemes, ocop_max, certs, cert_strength, revalidate_on, summary, snapshot, updated_at)
        SELECT r.product_id, r.version, false, r.supplier_id, r.category, r.unit_key, r.monthly_capacity,
            r.minimum_order_quantity, r.min_price, r.tiers, r.lead_time_days, r.packaging, r.supplier_verified, r.lat, r.lon,
            r.schemes, r.ocop_max, r.certs, r.cert_strength, r.revalidate_on,
            r.summary, r.snapshot, $2
        FROM (SELECT DISTINCT ON (x.product_id) x.*
              FROM jsonb_to_recordset($1) AS x(product_id uuid, version bigint, supplier_id uuid, category text, unit_key text,
                  monthly_capacity bigint, minimum_order_quantity bigint, min_price bigint, tiers bigint[],
                  lead_time_days int, packaging text, supplier_verified boolean, lat double precision, lon double precision,
                  schemes text[], ocop_max int, certs text[], cert_strength double precision, revalidate_on date, summary jsonb, snapshot jsonb)
              ORDER BY x.product_id, x.version DESC) AS r
        ON CONFLICT (product_id) DO UPDATE SET
            version = EXCLUDED.version, withdrawn = false, supplier_id = EXCLUDED.supplier_id, category = EXCLUDED.category,
            unit_key = EXCLUDED.unit_key, monthly_capacity = EXCLUDED.monthly_capacity,
            minimum_order_quantity = EXCLUDED.minimum_order_quantity, min_price = EXCLUDED.min_price, tiers = EXCLUDED.tiers,
            lead_time_days = EXCLUDED.lead_time_days, packaging = EXCLUDED.packaging,
            supplier_verified = EXCLUDED.supplier_verified, lat = EXCLUDED.lat, lon = EXCLUDED.lon, schemes = EXCLUDED.schemes,
            ocop_max = EXCLUDED.ocop_max, certs = EXCLUDED.certs, cert_strength = EXCLUDED.cert_strength, revalidate_on = EXCLUDED.revalidate_on, summary = EXCLUDED.summary, snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
        WHERE p.version < EXCLUDED.version
        """;

    /// <summary>A tombstone wins over a live row of the same version (a withdrawal never loses a tie).</summary>
    public const string WithdrawProduct = """
        INSERT INTO products AS p (product_id, version, withdrawn, supplier_id, updated_at) VALUES ($1, $2, true, $3, $4)
        ON CONFLICT (product_id) DO UPDATE SET version = EXCLUDED.version, withdrawn = true, revalidate_on = NULL, updated_at = EXCLUDED.updated_at
        WHERE p.version < EXCLUDED.version OR (p.version = EXCLUDED.version AND NOT p.withdrawn)
        """;

    public const string UpsertNeeds = """
        INSERT INTO needs AS n (need_id, version, status, retailer_id, category, unit_key, quantity_per_month, max_unit_price,
            min_ocop, required_schemes, preferred_schemes, packaging, max_distance_km, max_lead_time_days, lat, lon, valid_until,
            weights, keyword_terms, title_terms, keyword_queries, title_queries, summary, snapshot, updated_at)
        SELECT r.need_id, r.version, r.status, r.retailer_id, r.category, r.unit_key, r.quantity_per_month, r.max_unit_price,
            r.min_ocop, r.required_schemes, r.preferred_schemes, r.packaging, r.max_distance_km, r.max_lead_time_days, r.lat, r.lon,
            r.valid_until, r.weights, r.keyword_terms, r.title_terms,
            ARRAY(SELECT public.matching_term_query(t.term) FROM unnest(r.keyword_terms) WITH ORDINALITY AS t(term, o) ORDER BY t.o),
            ARRAY(SELECT public.matching_term_query(t.term) FROM unnest(r.title_terms) WITH ORDINALITY AS t(term, o) ORDER BY t.o),
            r.summary, r.snapshot, $2
        FROM (SELECT DISTINCT ON (x.need_id) x.*
              FROM jsonb_to_recordset($1) AS x(need_id uuid, version bigint, status text, retailer_id uuid, category text,
                  unit_key text, quantity_per_month bigint, max_unit_price bigint, min_ocop int, required_schemes text[],
                  preferred_schemes text[], packaging text[], max_distance_km double precision, max_lead_time_days int,
                  lat double precision, lon double precision, valid_until date, weights double precision[], keyword_terms text[],
                  title_terms text[], summary jsonb, snapshot jsonb)
              ORDER BY x.need_id, x.version DESC) AS r
        ON CONFLICT (need_id) DO UPDATE SET
            version = EXCLUDED.version, status = EXCLUDED.status, retailer_id = EXCLUDED.retailer_id, category = EXCLUDED.category,
            unit_key = EXCLUDED.unit_key, quantity_per_month = EXCLUDED.quantity_per_month, max_unit_price = EXCLUDED.max_unit_price,
            min_ocop = EXCLUDED.min_ocop, required_schemes = EXCLUDED.required_schemes, preferred_schemes = EXCLUDED.preferred_schemes,
            packaging = EXCLUDED.packaging, max_distance_km = EXCLUDED.max_distance_km, max_lead_time_days = EXCLUDED.max_lead_time_days,
            lat = EXCLUDED.lat, lon = EXCLUDED.lon, valid_until = EXCLUDED.valid_until, weights = EXCLUDED.weights,
            keyword_terms = EXCLUDED.keyword_terms, title_terms = EXCLUDED.title_terms, keyword_queries = EXCLUDED.keyword_queries,
            title_queries = EXCLUDED.title_queries, summary = EXCLUDED.summary, snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
        WHERE n.version < EXCLUDED.version
        """;

    /// <summary>A close wins over an open row of the same version; a close arriving first leaves a row newer events must beat.</summary>
    public const string CloseNeed = """
        INSERT INTO needs AS n (need_id, version, status, retailer_id, updated_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (need_id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
        WHERE n.version < EXCLUDED.version OR (n.version = EXCLUDED.version AND n.status = 'open')
        """;
}
