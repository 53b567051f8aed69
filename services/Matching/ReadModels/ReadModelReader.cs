using System.Text.Json;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Data;
using NpgsqlTypes;

namespace Matchmaking.Matching.ReadModels;

public sealed record ProductRecord(Guid ProductId, long Version, bool Withdrawn, ProductSnapshot? Snapshot);

public sealed record NeedRecord(Guid NeedId, long Version, string Status, Guid RetailerId, NeedSnapshot? Snapshot);

/// <summary>The snapshots behind the read models, for what needs more than the matching columns (partnership requests).</summary>
public sealed class ReadModelReader(MatchingDbContext db)
{
    public async Task<Dictionary<Guid, ProductRecord>> ProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var products = new Dictionary<Guid, ProductRecord>();
        if (ids.Count == 0) return products;
        await using var command = (await db.CommandAsync("SELECT product_id, version, withdrawn, snapshot::text FROM products WHERE product_id = ANY($1)", ct))
            .With(ids.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            products[reader.GetGuid(0)] = new ProductRecord(reader.GetGuid(0), reader.GetInt64(1), reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<ProductSnapshot>(reader.GetString(3), MatchingDbContext.JsonOptions));
        return products;
    }

    public async Task<NeedRecord?> NeedAsync(Guid id, CancellationToken ct)
    {
        await using var command = (await db.CommandAsync("SELECT need_id, version, status, retailer_id, snapshot::text FROM needs WHERE need_id = $1", ct))
            .With(id, NpgsqlDbType.Uuid);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new NeedRecord(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetGuid(3),
            reader.IsDBNull(4) ? null : JsonSerializer.Deserialize<NeedSnapshot>(reader.GetString(4), MatchingDbContext.JsonOptions));
    }
}
