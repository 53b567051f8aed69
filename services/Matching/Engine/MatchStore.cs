using System.Text.Json;
using System.Text.Json.Nodes;
using Matchmaking.Matching.Data;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Matching.Engine;

/// <summary>A kept match as the engine computed it, ready to store.</summary>
internal sealed record ScoredMatch(ProductFacts Product, NeedFacts Need, Evaluation Evaluation, Explanation Explanation);

/// <summary>A match that is new for its need, with the names the announcements use.</summary>
public sealed record FoundMatchInfo(Guid MatchId, Guid NeedId, Guid ProductId, Guid SupplierId, Guid RetailerId, double Score, string ProductName, string SupplierName);

/// <summary>What one computation changed.</summary>
public sealed record MatchChanges(IReadOnlyList<FoundMatchInfo> Added, int Updated, IReadOnlyList<Guid> Removed);

/// <summary>
/// Writes a computation's matches set-based: one statement upserts the kept matches (ids stay for pairs that still match)
/// and deletes the ones that no longer qualify; the product and need summaries are copied server-side from the read models.
/// </summary>
internal static class MatchStore
{
    private const string Replace = """
        WITH input AS (
            SELECT * FROM jsonb_to_recordset($1) AS r(id uuid, need_id uuid, product_id uuid, supplier_id uuid, retailer_id uuid,
                score double precision, breakdown jsonb, reasons jsonb, misses jsonb, unit_price_vnd bigint, distance_km double precision,
                product_version bigint, need_version bigint)),
        upserted AS (
            INSERT INTO matches AS m (id, need_id, product_id, supplier_id, retailer_id, status, score, breakdown, reasons, misses,
                product_summary, need_summary, unit_price_vnd, distance_km, product_version, need_version, matched_on, computed_at, found_at)
            SELECT r.id, r.need_id, r.product_id, r.supplier_id, r.retailer_id, 'open', r.score, r.breakdown, r.reasons, r.misses,
                p.summary, n.summary, r.unit_price_vnd, r.distance_km, r.product_version, r.need_version, $2, $3, $3
            FROM input r JOIN products p ON p.product_id = r.product_id JOIN needs n ON n.need_id = r.need_id
            ORDER BY r.need_id, r.product_id
            ON CONFLICT (need_id, product_id) DO UPDATE SET
                supplier_id = EXCLUDED.supplier_id, retailer_id = EXCLUDED.retailer_id, status = 'open', score = EXCLUDED.score,
                breakdown = EXCLUDED.breakdown, reasons = EXCLUDED.reasons, misses = EXCLUDED.misses,
                product_summary = EXCLUDED.product_summary, need_summary = EXCLUDED.need_summary,
                unit_price_vnd = EXCLUDED.unit_price_vnd, distance_km = EXCLUDED.distance_km, product_version = EXCLUDED.product_version,
                need_version = EXCLUDED.need_version, matched_on = EXCLUDED.matched_on, computed_at = EXCLUDED.computed_at
            RETURNING m.id, m.need_id, m.product_id, m.supplier_id, m.retailer_id, m.score, (m.xmax = 0) AS inserted,
                m.product_summary->>'nameVi' AS product_name, m.product_summary->>'supplierName' AS supplier_name),
        removed AS (
            DELETE FROM matches m WHERE {0}
              AND NOT EXISTS (SELECT 1 FROM input r WHERE r.need_id = m.need_id AND r.product_id = m.product_id)
            RETURNING m.id)
        SELECT id, need_id, product_id, supplier_id, retailer_id, score, inserted, product_name, supplier_name FROM upserted
        UNION ALL
        SELECT id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM removed
        """;

    /// <summary>The need's matches become exactly <paramref name="kept"/>.</summary>
    public static Task<MatchChanges> ReplaceForNeedAsync(MatchingDbContext db, Guid needId, IReadOnlyList<ScoredMatch> kept, DateOnly today,
        DateTimeOffset now, CancellationToken ct) =>
        RunAsync(db, string.Format(Replace, "m.need_id = $4"), needId, kept, today, now, ct);

    /// <summary>The product's matches with open needs become exactly <paramref name="kept"/>; closed needs keep theirs as history.</summary>
    public static Task<MatchChanges> ReplaceForProductAsync(MatchingDbContext db, Guid productId, IReadOnlyList<ScoredMatch> kept, DateOnly today,
        DateTimeOffset now, CancellationToken ct) =>
        RunAsync(db, string.Format(Replace, "m.product_id = $4 AND m.status = 'open'"), productId, kept, today, now, ct);

    /// <summary>
    /// Keeps the best <paramref name="max"/> open matches of each need (score, then product id), returning the ids dropped.
    /// Only needs that just gained a match can exceed it.
    /// </summary>
    public static async Task<HashSet<Guid>> TrimAsync(MatchingDbContext db, IReadOnlyCollection<Guid> needIds, int max, CancellationToken ct)
    {
        if (needIds.Count == 0) return [];
        const string sql = """
            DELETE FROM matches m USING (
                SELECT id, row_number() OVER (PARTITION BY need_id ORDER BY score DESC, product_id) AS rn
                FROM matches
                WHERE status = 'open' AND need_id IN (
                    SELECT need_id FROM matches WHERE need_id = ANY($1) AND status = 'open' GROUP BY need_id HAVING count(*) > $2)) x
            WHERE m.id = x.id AND x.rn > $2
            RETURNING m.id
            """;
        await using var command = (await db.CommandAsync(sql, ct))
            .With(needIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid).With(max, NpgsqlDbType.Integer);
        var dropped = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) dropped.Add(reader.GetGuid(0));
        return dropped;
    }

    public static async Task SetRevalidationAsync(MatchingDbContext db, Guid productId, DateOnly? on, CancellationToken ct)
    {
        await using var command = (await db.CommandAsync("UPDATE products SET revalidate_on = $2 WHERE product_id = $1", ct))
            .With(productId, NpgsqlDbType.Uuid).With(on, NpgsqlDbType.Date);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Marks a closed need's matches closed; they stay as the record of what the buyer was shown.</summary>
    public static async Task<int> CloseForNeedAsync(MatchingDbContext db, Guid needId, CancellationToken ct)
    {
        await using var command = (await db.CommandAsync("UPDATE matches SET status = 'closed' WHERE need_id = $1 AND status = 'open'", ct))
            .With(needId, NpgsqlDbType.Uuid);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<int> RemoveForProductAsync(MatchingDbContext db, Guid productId, CancellationToken ct)
    {
        await using var command = (await db.CommandAsync("DELETE FROM matches WHERE product_id = $1 AND status = 'open'", ct))
            .With(productId, NpgsqlDbType.Uuid);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<MatchChanges> RunAsync(MatchingDbContext db, string sql, Guid scopeId, IReadOnlyList<ScoredMatch> kept,
        DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var rows = new JsonArray([.. kept.Select(Row)]);
        await using var command = (await db.CommandAsync(sql, ct))
            .With(rows.ToJsonString(), NpgsqlDbType.Jsonb).With(today, NpgsqlDbType.Date).With(now, NpgsqlDbType.TimestampTz)
            .With(scopeId, NpgsqlDbType.Uuid);
        var (added, updated, removed) = (new List<FoundMatchInfo>(), 0, new List<Guid>());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.IsDBNull(1)) removed.Add(reader.GetGuid(0));
            else if (reader.GetBoolean(6))
                added.Add(new FoundMatchInfo(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetGuid(4),
                    reader.GetDouble(5), Text(reader, 7), Text(reader, 8)));
            else updated++;
        }
        return new MatchChanges(added, updated, removed);
    }

    private static string Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);

    private static JsonObject Row(ScoredMatch m) => new()
    {
        // Used only when the pair is new; an existing match keeps its id.
        ["id"] = Guid.CreateVersion7(),
        ["need_id"] = m.Need.NeedId,
        ["product_id"] = m.Product.ProductId,
        ["supplier_id"] = m.Product.SupplierId,
        ["retailer_id"] = m.Need.RetailerId,
        ["score"] = m.Evaluation.Score,
        ["breakdown"] = JsonSerializer.SerializeToNode(m.Explanation.Breakdown, MatchingDbContext.JsonOptions),
        ["reasons"] = JsonSerializer.SerializeToNode(m.Explanation.Reasons, MatchingDbContext.JsonOptions),
        ["misses"] = JsonSerializer.SerializeToNode(m.Explanation.Misses, MatchingDbContext.JsonOptions),
        ["unit_price_vnd"] = m.Evaluation.UnitPriceVnd,
        ["distance_km"] = Math.Round(m.Evaluation.DistanceKm, 2),
        ["product_version"] = m.Product.Version,
        ["need_version"] = m.Need.Version,
    };
}
