namespace Matchmaking.Matching.ReadModels;

/// <summary>
/// The product and need read models: plain tables in matching's database, created by the Initial migration and written
/// and read only with SQL (<see cref="ReadModelWriter"/>, <see cref="Engine.CandidateQueries"/>). Hard-filter facts are
/// columns with indexes; the snapshot as received is kept as jsonb; the summary is what a match shows.
/// </summary>
public static class ReadModelSchema
{
    /// <summary>Run once by the Initial migration: a later change to these tables is a new migration, not an edit here.</summary>
    public const string Ddl = """
        CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

        -- unaccent() is only STABLE (it reads a dictionary that could be changed), so a generated column needs this
        -- wrapper naming the dictionary explicitly. It folds Vietnamese diacritics, including đ/Đ to d/D.
        CREATE OR REPLACE FUNCTION public.immutable_unaccent(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

        -- One term of a need (a keyword, or a title word): all its words, unaccented, or its English stems.
        CREATE OR REPLACE FUNCTION public.matching_term_query(text) RETURNS tsquery
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT plainto_tsquery('simple'::regconfig, public.immutable_unaccent($1)) || plainto_tsquery('english'::regconfig, $1) $$;

        CREATE TABLE products (
            product_id uuid PRIMARY KEY,
            version bigint NOT NULL,
            -- A withdrawn product stays as a tombstone at its version, so a late older update cannot revive it.
            withdrawn boolean NOT NULL DEFAULT false,
            supplier_id uuid,
            category text,
            unit_key text,
            monthly_capacity bigint,
            minimum_order_quantity bigint,
            -- The lowest tier price: no quantity buys cheaper, so it prefilters a ceiling; the tiers decide.
            min_price bigint,
            -- (minimum quantity, unit price) pairs in ascending order of quantity: {50,185000,500,160000}.
            tiers bigint[] NOT NULL DEFAULT '{}',
            lead_time_days int,
            packaging text,
            supplier_verified boolean,
            lat double precision,
            lon double precision,
            -- Active certificates whose scope covers the product, one element each as "SCHEME|level|from|until|verification"
            -- (until empty when open-ended); their dates are judged on the matching day. schemes (the distinct codes)
            -- and ocop_max (best OCOP stars, any date) prefilter through indexes.
            schemes text[] NOT NULL DEFAULT '{}',
            ocop_max int,
            certs text[] NOT NULL DEFAULT '{}',
            -- The strongest verification among them (registry 1, document 0.7, self-declared 0.4), whatever their dates:
            -- ranking in SQL uses it as an upper bound of the certification part of the score.
            cert_strength double precision NOT NULL DEFAULT 0,
            -- The next day one of those certificates starts or stops counting; the daily job rematches the product then.
            revalidate_on date,
            summary jsonb,
            snapshot jsonb,
            updated_at timestamptz NOT NULL,
            -- Names, village and the start of each description, unaccented ('simple', no stemming that would mangle Vietnamese
            -- syllables) plus English stems. Bounded, so it stays small and inline: matching tests it once per need term.
            tsv tsvector GENERATED ALWAYS AS (
                to_tsvector('simple'::regconfig, public.immutable_unaccent(
                    coalesce(snapshot->>'nameVi', '') || ' ' || coalesce(snapshot->>'nameEn', '') || ' ' ||
                    coalesce(snapshot->'site'->>'craftVillage', '') || ' ' ||
                    left(coalesce(snapshot->>'descriptionVi', ''), 1000) || ' ' || left(coalesce(snapshot->>'descriptionEn', ''), 1000))) ||
                to_tsvector('english'::regconfig, coalesce(snapshot->>'nameEn', '') || ' ' || left(coalesce(snapshot->>'descriptionEn', ''), 1000))) STORED
        );
        -- The snapshot and summary (about 2 KB) live out of line so the heap a candidate scan reads stays narrow; the
        -- arrays it reads for every row are never compressed or moved out, and the text vector only as a last resort.
        ALTER TABLE products SET (toast_tuple_target = 1024);
        ALTER TABLE products ALTER COLUMN snapshot SET STORAGE EXTERNAL, ALTER COLUMN summary SET STORAGE EXTERNAL,
            ALTER COLUMN tiers SET STORAGE PLAIN, ALTER COLUMN certs SET STORAGE PLAIN, ALTER COLUMN schemes SET STORAGE PLAIN,
            ALTER COLUMN tsv SET STORAGE MAIN;

        CREATE INDEX ix_products_category_capacity ON products (category, monthly_capacity) WHERE NOT withdrawn;
        CREATE INDEX ix_products_moq ON products (minimum_order_quantity) WHERE NOT withdrawn;
        CREATE INDEX ix_products_min_price ON products (min_price) WHERE NOT withdrawn;
        CREATE INDEX ix_products_geo ON products (lat, lon) WHERE NOT withdrawn;
        CREATE INDEX ix_products_schemes ON products USING gin (schemes);
        CREATE INDEX ix_products_supplier ON products (supplier_id);
        CREATE INDEX ix_products_revalidate ON products (revalidate_on) WHERE NOT withdrawn AND revalidate_on IS NOT NULL;

        CREATE TABLE needs (
            need_id uuid PRIMARY KEY,
            version bigint NOT NULL,
            -- open, draft, closed or expired; a close that arrives first leaves a row without the snapshot.
            status text NOT NULL,
            retailer_id uuid NOT NULL,
            category text,
            unit_key text,
            quantity_per_month bigint,
            max_unit_price bigint,
            min_ocop int,
            required_schemes text[] NOT NULL DEFAULT '{}',
            preferred_schemes text[] NOT NULL DEFAULT '{}',
            packaging text[] NOT NULL DEFAULT '{}',
            max_distance_km double precision,
            max_lead_time_days int,
            lat double precision,
            lon double precision,
            valid_until date,
            -- Normalised to sum to 1: text relevance, certification strength, sustainability, distance, price, lead time.
            weights double precision[] NOT NULL DEFAULT '{}',
            keyword_terms text[] NOT NULL DEFAULT '{}',
            title_terms text[] NOT NULL DEFAULT '{}',
            -- The terms as text-search queries, built once on write so matching a product against every open need does not re-parse them.
            keyword_queries tsquery[] NOT NULL DEFAULT '{}',
            title_queries tsquery[] NOT NULL DEFAULT '{}',
            summary jsonb,
            snapshot jsonb,
            updated_at timestamptz NOT NULL
        );
        CREATE INDEX ix_needs_open_category ON needs (category, quantity_per_month) WHERE status = 'open';
        CREATE INDEX ix_needs_status_category ON needs (status, category);
        CREATE INDEX ix_needs_retailer ON needs (retailer_id);
        """;

    /// <summary>Drops what <see cref="Ddl"/> created, for the migration's Down.</summary>
    public const string DropDdl = """
        DROP TABLE IF EXISTS needs;
        DROP TABLE IF EXISTS products;
        DROP FUNCTION IF EXISTS public.matching_term_query(text);
        """;
}
