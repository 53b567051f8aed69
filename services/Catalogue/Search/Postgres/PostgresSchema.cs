namespace Matchmaking.Catalogue.Search.Postgres;

/// <summary>
/// The search tables in the catalogue's own database, created idempotently by EnsureCreatedAsync rather than by an EF
/// migration: the contract tests create them on a bare database, and nothing in the catalogue model maps to them.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Serialises concurrent EnsureCreated calls (replicas starting together race on CREATE EXTENSION).</summary>
    public const long LockKey = 0x5EA4C4_0001;

    public const string Ddl = """
        CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
        CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

        -- unaccent() is only STABLE (it reads a dictionary that could be changed), so index expressions need this
        -- wrapper naming the dictionary explicitly. It folds Vietnamese diacritics, including đ/Đ to d/D.
        CREATE OR REPLACE FUNCTION public.immutable_unaccent(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

        CREATE TABLE IF NOT EXISTS search_products (
            product_id uuid PRIMARY KEY,
            version bigint NOT NULL,
            -- A withdrawn product stays as a tombstone at its version, so a late older upsert cannot revive it.
            deleted boolean NOT NULL DEFAULT false,
            doc jsonb,
            category text,
            category_text text,
            packaging text,
            packaging_score double precision,
            province text,
            district text,
            craft_village text,
            supplier_verified boolean,
            min_price bigint,
            moq bigint,
            capacity bigint,
            lat double precision,
            lon double precision,
            -- Certificates that are active and cover the product; whether each counts is decided by date at query time.
            cert_schemes text[] NOT NULL DEFAULT '{}',
            cert_from date[] NOT NULL DEFAULT '{}',
            cert_until date[] NOT NULL DEFAULT '{}',
            cert_weight double precision[] NOT NULL DEFAULT '{}',
            cert_ocop int[] NOT NULL DEFAULT '{}',
            ocop_max int,
            -- The sustainability score precomputed for the days [sus_from, sus_until) during which the set of counting
            -- certificates does not change; outside that window queries compute it from the arrays above.
            sus_score double precision,
            sus_from date,
            sus_until date,
            -- Within the same window: the schemes that count and the best OCOP stars, so most queries need no unnest.
            cur_schemes text[] NOT NULL DEFAULT '{}',
            cur_ocop int,
            province_key text GENERATED ALWAYS AS (lower(public.immutable_unaccent(province))) STORED,
            district_key text GENERATED ALWAYS AS (lower(public.immutable_unaccent(district))) STORED,
            village_key text GENERATED ALWAYS AS (lower(public.immutable_unaccent(craft_village))) STORED,
            name_fold text GENERATED ALWAYS AS (lower(public.immutable_unaccent(
                coalesce(doc->>'nameVi', '') || ' ' || coalesce(doc->>'nameEn', '') || ' ' || coalesce(craft_village, '')))) STORED,
            -- 'simple' over unaccented Vietnamese and English (diacritic-insensitive, no stemming that would mangle
            -- Vietnamese syllables) plus 'english' over the English fields so "bags" finds "bag".
            tsv tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple'::regconfig, public.immutable_unaccent(
                    coalesce(doc->>'nameVi', '') || ' ' || coalesce(doc->>'nameEn', ''))), 'A') ||
                setweight(to_tsvector('simple'::regconfig, public.immutable_unaccent(
                    coalesce(craft_village, '') || ' ' || coalesce(doc->>'supplierName', '') || ' ' || coalesce(category_text, ''))), 'B') ||
                setweight(to_tsvector('simple'::regconfig, public.immutable_unaccent(
                    coalesce(doc->>'descriptionVi', '') || ' ' || coalesce(doc->>'descriptionEn', ''))), 'C') ||
                setweight(to_tsvector('english'::regconfig, coalesce(doc->>'nameEn', '')), 'A') ||
                setweight(to_tsvector('english'::regconfig, coalesce(doc->>'descriptionEn', '')), 'C')) STORED
        );
        -- The document (about 1 KB) lives out of line so the heap stays narrow for scans, while the small columns a
        -- scan reads for every row are never compressed or moved out (detoasting them per row was the slowest part).
        ALTER TABLE search_products SET (toast_tuple_target = 1024);
        ALTER TABLE search_products ALTER COLUMN doc SET STORAGE EXTERNAL,
            ALTER COLUMN cert_schemes SET STORAGE PLAIN, ALTER COLUMN cert_from SET STORAGE PLAIN,
            ALTER COLUMN cert_until SET STORAGE PLAIN, ALTER COLUMN cert_weight SET STORAGE PLAIN,
            ALTER COLUMN cert_ocop SET STORAGE PLAIN;
        ALTER TABLE search_products ADD COLUMN IF NOT EXISTS cur_schemes text[] NOT NULL DEFAULT '{}';
        ALTER TABLE search_products ADD COLUMN IF NOT EXISTS cur_ocop int;
        ALTER TABLE search_products ALTER COLUMN cur_schemes SET STORAGE PLAIN;

        CREATE INDEX IF NOT EXISTS ix_search_products_tsv ON search_products USING gin (tsv);
        CREATE INDEX IF NOT EXISTS ix_search_products_name_trgm ON search_products USING gin (name_fold gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS ix_search_products_village_trgm ON search_products USING gin (village_key gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS ix_search_products_schemes ON search_products USING gin (cert_schemes);
        CREATE INDEX IF NOT EXISTS ix_search_products_geo ON search_products (lat, lon);
        CREATE INDEX IF NOT EXISTS ix_search_products_category ON search_products (category);
        CREATE INDEX IF NOT EXISTS ix_search_products_packaging ON search_products (packaging);
        CREATE INDEX IF NOT EXISTS ix_search_products_district ON search_products (district_key);
        CREATE INDEX IF NOT EXISTS ix_search_products_province ON search_products (province_key);
        CREATE INDEX IF NOT EXISTS ix_search_products_price ON search_products (min_price);
        CREATE INDEX IF NOT EXISTS ix_search_products_ocop ON search_products (ocop_max);
        """;

    /// <summary>
    /// One statement for single and bulk upserts: rows arrive as a jsonb array whose keys are the column names.
    /// Order safety: an existing row is replaced only by a strictly newer version (a tombstone included).
    /// </summary>
    public const string Upsert = """
        INSERT INTO search_products AS s (product_id, version, deleted, doc, category, category_text, packaging, packaging_score,
            province, district, craft_village, supplier_verified, min_price, moq, capacity, lat, lon,
            cert_schemes, cert_from, cert_until, cert_weight, cert_ocop, ocop_max, sus_score, sus_from, sus_until, cur_schemes, cur_ocop)
        SELECT r.product_id, r.version, false, r.doc, r.category, r.category_text, r.packaging, r.packaging_score,
            r.province, r.district, r.craft_village, r.supplier_verified, r.min_price, r.moq, r.capacity, r.lat, r.lon,
            r.cert_schemes, r.cert_from, r.cert_until, r.cert_weight, r.cert_ocop, r.ocop_max, r.sus_score, r.sus_from, r.sus_until, r.cur_schemes, r.cur_ocop
        FROM (SELECT DISTINCT ON (x.product_id) x.*
              FROM jsonb_to_recordset($1) AS x(product_id uuid, version bigint, doc jsonb, category text, category_text text,
                  packaging text, packaging_score double precision, province text, district text, craft_village text,
                  supplier_verified boolean, min_price bigint, moq bigint, capacity bigint, lat double precision,
                  lon double precision, cert_schemes text[], cert_from date[], cert_until date[], cert_weight double precision[],
                  cert_ocop int[], ocop_max int, sus_score double precision, sus_from date, sus_until date, cur_schemes text[], cur_ocop int)
              ORDER BY x.product_id, x.version DESC) AS r
        ON CONFLICT (product_id) DO UPDATE SET
            version = EXCLUDED.version, deleted = false, doc = EXCLUDED.doc, category = EXCLUDED.category,
            category_text = EXCLUDED.category_text, packaging = EXCLUDED.packaging, packaging_score = EXCLUDED.packaging_score,
            province = EXCLUDED.province, district = EXCLUDED.district, craft_village = EXCLUDED.craft_village,
            supplier_verified = EXCLUDED.supplier_verified, min_price = EXCLUDED.min_price, moq = EXCLUDED.moq,
            capacity = EXCLUDED.capacity, lat = EXCLUDED.lat, lon = EXCLUDED.lon, cert_schemes = EXCLUDED.cert_schemes,
            cert_from = EXCLUDED.cert_from, cert_until = EXCLUDED.cert_until, cert_weight = EXCLUDED.cert_weight,
            cert_ocop = EXCLUDED.cert_ocop, ocop_max = EXCLUDED.ocop_max, sus_score = EXCLUDED.sus_score,
            sus_from = EXCLUDED.sus_from, sus_until = EXCLUDED.sus_until, cur_schemes = EXCLUDED.cur_schemes, cur_ocop = EXCLUDED.cur_ocop
        WHERE s.version < EXCLUDED.version
        """;

    /// <summary>A tombstone wins over a live row of the same version (a withdrawal never loses a tie).</summary>
    public const string Remove = """
        INSERT INTO search_products AS s (product_id, version, deleted) VALUES ($1, $2, true)
        ON CONFLICT (product_id) DO UPDATE SET
            version = EXCLUDED.version, deleted = true, doc = NULL, category = NULL, category_text = NULL, packaging = NULL,
            packaging_score = NULL, province = NULL, district = NULL, craft_village = NULL, supplier_verified = NULL,
            min_price = NULL, moq = NULL, capacity = NULL, lat = NULL, lon = NULL, cert_schemes = '{}', cert_from = '{}',
            cert_until = '{}', cert_weight = '{}', cert_ocop = '{}', ocop_max = NULL, sus_score = NULL, sus_from = NULL, sus_until = NULL,
            cur_schemes = '{}', cur_ocop = NULL
        WHERE s.version < EXCLUDED.version OR (s.version = EXCLUDED.version AND NOT s.deleted)
        """;
}
