using Matchmaking.Catalogue.Search;

namespace Matchmaking.Catalogue.Search.ContractTests;

/// <summary>
/// Indexes for one adapter's contract run: a shared one holding <see cref="FixtureProducts"/> that read-only tests query,
/// and a fresh empty one for each test that writes, so no test depends on another's data or order.
/// </summary>
public abstract class SearchIndexFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IProductSearchIndex? _shared;

    /// <summary>False where the adapter's server is not configured: its tests then report as skipped.</summary>
    public abstract bool Available { get; }
    public abstract string SkipReason { get; }

    /// <summary>A new, empty, created index of this adapter.</summary>
    public abstract Task<IProductSearchIndex> CreateIndexAsync();

    public async Task<IProductSearchIndex> SharedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var index = await CreateIndexAsync();
                await index.BulkUpsertAsync(FixtureProducts.All, CancellationToken.None);
                _shared = index;
            }
            return _shared;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();
}
