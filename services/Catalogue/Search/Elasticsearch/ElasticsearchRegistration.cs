using Microsoft.Extensions.Options;

namespace Matchmaking.Catalogue.Search.Elasticsearch;

public static class ElasticsearchRegistration
{
    /// <summary>
    /// The Elasticsearch adapter as <see cref="IProductSearchIndex"/>: options from "Search:Elasticsearch" (Url falling
    /// back to ELASTICSEARCH_URL) validated on start, and a typed HttpClient, which the service defaults make resilient
    /// (retries with backoff on 429/5xx and timeouts; writes are safe to retry because they carry external versions).
    /// </summary>
    public static IHostApplicationBuilder AddElasticsearchProductSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ElasticsearchOptions>()
            .BindConfiguration(ElasticsearchOptions.Section)
            .Configure<IConfiguration>((o, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(o.Url)) o.Url = configuration["ELASTICSEARCH_URL"] ?? "";
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpClient<IProductSearchIndex, ElasticsearchProductSearchIndex>();
        return builder;
    }
}
