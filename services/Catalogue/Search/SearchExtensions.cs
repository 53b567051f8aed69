using Matchmaking.Catalogue.Search.Elasticsearch;
using Matchmaking.Catalogue.Search.Postgres;
using Npgsql;

namespace Matchmaking.Catalogue.Search;

public static class SearchExtensions
{
    public const string ProviderKey = "Search:Provider";
    private const string DataSourceKey = "search";

    /// <summary>
    /// Registers the <see cref="IProductSearchIndex"/> adapter named by <c>Search:Provider</c>: <c>postgres</c> (the
    /// default, tables in the catalogue's own database) or <c>elasticsearch</c>.
    /// </summary>
    public static IHostApplicationBuilder AddProductSearch(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration[ProviderKey] ?? "postgres";
        switch (provider.ToLowerInvariant())
        {
            case "postgres":
                var connectionString = builder.Configuration.GetConnectionString("catalogue-db")
                    ?? throw new InvalidOperationException("Connection string 'catalogue-db' is missing");
                // A data source of its own (keyed, disposed with the host): the adapter writes and reads with plain SQL.
                builder.Services.AddKeyedSingleton(DataSourceKey, (_, _) => NpgsqlDataSource.Create(connectionString));
                builder.Services.AddSingleton<IProductSearchIndex>(sp =>
                    new PostgresProductSearchIndex(sp.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey)));
                break;
            case "elasticsearch":
                builder.AddElasticsearchProductSearch();
                break;
            default:
                throw new InvalidOperationException($"Unknown {ProviderKey} '{provider}': use 'postgres' or 'elasticsearch'");
        }
        return builder;
    }
}
