using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Catalogue.Search.Postgres;

/// <summary>
/// The embedded search adapter: PostgreSQL full-text search over unaccented text (tsvector, GIN), pg_trgm for typos and
/// completions, filter columns with btree indexes, certificates judged by date at query time. Tables live in the
/// catalogue's database (<see cref="PostgresSchema"/>); writes are idempotent and order-safe by product version.
/// </summary>
public sealed class PostgresProductSearchIndex(NpgsqlDataSource dataSource) : IProductSearchIndex
{
    internal static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresSchema.LockKey})", connection, tx))
            await lockCommand.ExecuteNonQueryAsync(ct);
        await using (var ddl = new NpgsqlCommand(PostgresSchema.Ddl, connection, tx))
            await ddl.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        // The generated columns call a function created in this transaction; pooled connections must see fresh types.
        await connection.ReloadTypesAsync(ct);
    }

    public async Task<bool> UpsertAsync(SearchDocument document, CancellationToken ct) =>
        await WriteRowsAsync([document], ct) == 1;

    public async Task BulkUpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken ct)
    {
        // Chunks keep each jsonb parameter and statement modest; each chunk is atomic on its own.
        foreach (var chunk in documents.Chunk(500))
            await WriteRowsAsync(chunk, ct);
    }

    public async Task<bool> RemoveAsync(Guid productId, long version, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(PostgresSchema.Remove);
        command.Parameters.Add(new NpgsqlParameter { Value = productId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Bigint });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task ClearAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("TRUNCATE search_products");
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task<SearchResult> SearchAsync(ProductSearchQuery query, CancellationToken ct) =>
        PostgresSearchQuery.RunAsync(dataSource, query, ct);

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken ct)
    {
        var text = SearchText.Sanitise(prefix);
        if (text.Length == 0 || limit < 1) return [];
        // Villages first (a buyer typing "bat tr" most likely means the place), then distinct product names; both by
        // a trigram-indexed substring match on the folded text, word starts before other positions.
        const string sql = """
            WITH p AS (SELECT lower(public.immutable_unaccent($1)) AS f),
            villages AS (
                SELECT craft_village AS text, 'craftVillage' AS kind, 0 AS grp,
                       (village_key LIKE p.f || '%') AS starts, count(*) AS n
                FROM search_products, p
                WHERE NOT deleted AND village_key LIKE '%' || p.f || '%'
                  AND (village_key LIKE p.f || '%' OR village_key LIKE '% ' || p.f || '%')
                GROUP BY craft_village, village_key, p.f),
            names AS (
                SELECT doc->>'nameVi' AS text, 'product' AS kind, 1 AS grp,
                       bool_or(name_fold LIKE p.f || '%') AS starts, count(*) AS n
                FROM search_products, p
                WHERE NOT deleted AND name_fold LIKE '%' || p.f || '%'
                  AND (name_fold LIKE p.f || '%' OR name_fold LIKE '% ' || p.f || '%')
                GROUP BY doc->>'nameVi')
            SELECT text, kind FROM (SELECT * FROM villages UNION ALL SELECT * FROM names) s
            ORDER BY grp, starts DESC, n DESC, length(text), text
            LIMIT $2
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = text, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Min(limit, 50), NpgsqlDbType = NpgsqlDbType.Integer });
        var suggestions = new List<Suggestion>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) suggestions.Add(new Suggestion(reader.GetString(0), reader.GetString(1)));
        return suggestions;
    }

    private async Task<int> WriteRowsAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken ct)
    {
        if (documents.Count == 0) return 0;
        var rows = new JsonArray([.. documents.Select(Row)]);
        await using var command = dataSource.CreateCommand(PostgresSchema.Upsert);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb });
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The column values of one document; keys are the column names jsonb_to_recordset maps them to.</summary>
    private static JsonObject Row(SearchDocument d)
    {
        var counting = d.Certifications.Where(c => c.Status == "active" && c.CoversProduct).ToList();
        var day = DateOnly.FromDateTime(d.IndexedAt.ToOffset(VietnamOffset).DateTime);
        var (from, until) = StableWindow(counting, day);
        return new JsonObject
        {
            ["product_id"] = d.ProductId,
            ["version"] = d.Version,
            ["doc"] = JsonSerializer.SerializeToNode(d, DocumentJson),
            ["category"] = d.Category,
            ["category_text"] = SearchDocuments.CategoryText(d.Category),
            ["packaging"] = d.Packaging,
            ["packaging_score"] = Sustainability.PackagingScore(d.Packaging),
            ["province"] = d.Province,
            ["district"] = d.District,
            ["craft_village"] = d.CraftVillage,
            ["supplier_verified"] = d.SupplierVerified,
            ["min_price"] = d.MinUnitPriceVnd,
            ["moq"] = d.MinimumOrderQuantity,
            ["capacity"] = d.MonthlyCapacity,
            ["lat"] = d.Latitude,
            ["lon"] = d.Longitude,
            ["cert_schemes"] = new JsonArray([.. counting.Select(c => (JsonNode?)c.SchemeCode)]),
            ["cert_from"] = new JsonArray([.. counting.Select(c => (JsonNode?)c.ValidFrom.ToString("yyyy-MM-dd"))]),
            ["cert_until"] = new JsonArray([.. counting.Select(c => (JsonNode?)c.ValidUntil?.ToString("yyyy-MM-dd"))]),
            ["cert_weight"] = new JsonArray([.. counting.Select(c => (JsonNode?)CredentialWeight(c))]),
            ["cert_ocop"] = new JsonArray([.. counting.Select(c => (JsonNode?)c.OcopStars)]),
            ["ocop_max"] = counting.Max(c => c.OcopStars),
            ["sus_score"] = Sustainability.Score(d, day),
            ["sus_from"] = from.ToString("yyyy-MM-dd"),
            ["sus_until"] = until.ToString("yyyy-MM-dd"),
            ["cur_schemes"] = new JsonArray([.. counting.Where(c => c.CountsOn(day)).Select(c => c.SchemeCode).Distinct().Select(c => (JsonNode?)c)]),
            ["cur_ocop"] = counting.Where(c => c.CountsOn(day)).Max(c => c.OcopStars),
        };
    }

    /// <summary>The credential weight Sustainability.CredentialScore gives one counting certificate.</summary>
    internal static double CredentialWeight(IndexedCertification c) =>
        Sustainability.CredentialScore([c with { Status = "active", CoversProduct = true, ValidUntil = null, ValidFrom = DateOnly.MinValue }], DateOnly.MinValue);

    /// <summary>The days around <paramref name="day"/> on which no counting certificate starts or stops counting.</summary>
    private static (DateOnly From, DateOnly Until) StableWindow(IReadOnlyList<IndexedCertification> counting, DateOnly day)
    {
        var changes = counting.Select(c => c.ValidFrom)
            .Concat(counting.Where(c => c.ValidUntil is { } u && u < DateOnly.MaxValue).Select(c => c.ValidUntil!.Value.AddDays(1)))
            .ToList();
        var from = changes.Where(c => c <= day).DefaultIfEmpty(new DateOnly(1, 1, 1)).Max();
        var until = changes.Where(c => c > day).DefaultIfEmpty(new DateOnly(9999, 12, 31)).Min();
        return (from, until);
    }
}
