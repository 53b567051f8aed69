namespace Matchmaking.Catalogue.Search;

/// <summary>
/// The product search port (docs/decisions/0003). Two adapters implement it: PostgreSQL full-text search, the embedded
/// default, and Elasticsearch over its REST API. One contract test suite holds them to the same behaviour.
/// </summary>
public interface IProductSearchIndex
{
    /// <summary>Creates the index (tables, template, mappings) if missing. Idempotent.</summary>
    Task EnsureCreatedAsync(CancellationToken ct);

    /// <summary>Indexes a product unless the index already holds the same or a newer version of it (order safety).</summary>
    /// <returns>false when the document was stale and ignored.</returns>
    Task<bool> UpsertAsync(SearchDocument document, CancellationToken ct);

    /// <summary>Removes a product, leaving a tombstone at <paramref name="version"/> so an older upsert arriving later does not revive it.</summary>
    Task<bool> RemoveAsync(Guid productId, long version, CancellationToken ct);

    /// <summary>Indexes many documents at once (rebuilds, bulk loads); same version rule as <see cref="UpsertAsync"/>.</summary>
    Task BulkUpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken ct);

    /// <summary>Drops every document and tombstone; used before a rebuild from the catalogue.</summary>
    Task ClearAsync(CancellationToken ct);

    Task<SearchResult> SearchAsync(ProductSearchQuery query, CancellationToken ct);

    /// <summary>Completions for what a buyer is typing: product names and craft villages, diacritic-insensitive.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken ct);
}
