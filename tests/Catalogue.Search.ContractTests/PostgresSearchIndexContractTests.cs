using Matchmaking.Catalogue.Search;
using Matchmaking.Catalogue.Search.Postgres;
using Matchmaking.TestSupport;
using Npgsql;

namespace Matchmaking.Catalogue.Search.ContractTests;

/// <summary>The contract against the PostgreSQL adapter, each index a fresh database on the throwaway server.</summary>
public sealed class PostgresSearchIndexContractTests(PostgresSearchIndexFixture fixture)
    : ProductSearchIndexContract(fixture), IClassFixture<PostgresSearchIndexFixture>;

public sealed class PostgresSearchIndexFixture : SearchIndexFixture
{
    private readonly List<(string Name, string ConnectionString, NpgsqlDataSource DataSource)> _databases = [];

    public override bool Available => true; // scripts/test.sh always provides PostgreSQL; without it the run fails loudly
    public override string SkipReason => "";

    public override async Task<IProductSearchIndex> CreateIndexAsync()
    {
        var connectionString = TestInfrastructure.NewDatabase("search");
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var admin = new NpgsqlConnection(Maintenance(connectionString)))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var dataSource = NpgsqlDataSource.Create(connectionString);
        lock (_databases) _databases.Add((name, connectionString, dataSource));
        var index = new PostgresProductSearchIndex(dataSource);
        await index.EnsureCreatedAsync(CancellationToken.None);
        return index;
    }

    public override async Task DisposeAsync()
    {
        foreach (var (name, connectionString, dataSource) in _databases)
        {
            await dataSource.DisposeAsync();
            // The original string: a data source's own ConnectionString no longer carries the password.
            await using var admin = new NpgsqlConnection(Maintenance(connectionString));
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string Maintenance(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
}
