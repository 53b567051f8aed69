using System.Text.Json.Nodes;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Model;
using NpgsqlTypes;

namespace Matchmaking.Matching.ReadModels;

/// <summary>
/// Keeps the product and need read models from the catalogue's and needs service's events, and seeds them in bulk
/// (benchmarks, rebuilds). Every write is idempotent and order-safe by version; the single-row methods report whether
/// the event changed anything, so the caller rematches only then. Writes join the context's transaction when it has one.
/// </summary>
public sealed class ReadModelWriter(MatchingDbContext db, TimeProvider clock)
{
    private const int ChunkSize = 500;

    public async Task<bool> UpsertProductAsync(ProductSnapshot product, long version, CancellationToken ct) =>
        await WriteAsync(ReadModelSql.UpsertProducts, [ReadModelRows.Product(product, version, clock.Today())], ct) == 1;

    /// <summary>Bulk upsert in chunks of 500 rows, each one statement; returns how many rows were written.</summary>
    public async Task<int> UpsertProductsAsync(IReadOnlyCollection<(ProductSnapshot Product, long Version)> products, CancellationToken ct)
    {
        var today = clock.Today();
        var written = 0;
        foreach (var chunk in products.Chunk(ChunkSize))
            written += await WriteAsync(ReadModelSql.UpsertProducts, [.. chunk.Select(p => ReadModelRows.Product(p.Product, p.Version, today))], ct);
        return written;
    }

    public async Task<bool> WithdrawProductAsync(Guid productId, Guid supplierId, long version, CancellationToken ct)
    {
        await using var command = (await db.CommandAsync(ReadModelSql.WithdrawProduct, ct))
            .With(productId, NpgsqlDbType.Uuid).With(version, NpgsqlDbType.Bigint).With(supplierId, NpgsqlDbType.Uuid)
            .With(clock.GetUtcNow(), NpgsqlDbType.TimestampTz);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> UpsertNeedAsync(NeedSnapshot need, long version, CancellationToken ct) =>
        await WriteAsync(ReadModelSql.UpsertNeeds, [ReadModelRows.Need(need, version)], ct) == 1;

    public async Task<int> UpsertNeedsAsync(IReadOnlyCollection<(NeedSnapshot Need, long Version)> needs, CancellationToken ct)
    {
        var written = 0;
        foreach (var chunk in needs.Chunk(ChunkSize))
            written += await WriteAsync(ReadModelSql.UpsertNeeds, [.. chunk.Select(n => ReadModelRows.Need(n.Need, n.Version))], ct);
        return written;
    }

    /// <summary><paramref name="status"/> is closed or expired, as NeedClosed's reason says.</summary>
    public async Task<bool> CloseNeedAsync(Guid needId, Guid retailerId, string status, long version, CancellationToken ct)
    {
        await using var command = (await db.CommandAsync(ReadModelSql.CloseNeed, ct))
            .With(needId, NpgsqlDbType.Uuid).With(version, NpgsqlDbType.Bigint).With(status, NpgsqlDbType.Text)
            .With(retailerId, NpgsqlDbType.Uuid).With(clock.GetUtcNow(), NpgsqlDbType.TimestampTz);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task<int> WriteAsync(string sql, JsonArray rows, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        await using var command = (await db.CommandAsync(sql, ct))
            .With(rows.ToJsonString(), NpgsqlDbType.Jsonb).With(clock.GetUtcNow(), NpgsqlDbType.TimestampTz);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
