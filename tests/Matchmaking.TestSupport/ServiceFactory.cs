using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Matchmaking.TestSupport;

/// <summary>
/// Hosts a service in memory against its own fresh database and virtual host on the real PostgreSQL and RabbitMQ.
/// Use one per test class (IClassFixture); tests inside a class make their own organisations so they stay independent.
/// </summary>
public class ServiceFactory<TProgram>(string databaseConnectionName, string audience) : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    public string DatabaseConnectionString { get; } = TestInfrastructure.NewDatabase(databaseConnectionName.Replace("-db", "").Replace('-', '_'));
    public string RabbitMqConnectionString { get; private set; } = "";
    public TestTokens Tokens { get; } = new(audience);

    public virtual async Task InitializeAsync()
    {
        RabbitMqConnectionString = await TestInfrastructure.NewVirtualHostAsync();
        _ = Server; // start the host now, so migrations run before the first test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{databaseConnectionName}", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", RabbitMqConnectionString);
        builder.UseSetting("Identity:Url", "http://identity.test");
        builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
        builder.UseSetting("Identity:Audience", audience);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.ConfigureServices(Tokens.Install);
        ConfigureTestServices(builder);
    }

    /// <summary>Extra settings for one service's tests.</summary>
    protected virtual void ConfigureTestServices(IWebHostBuilder builder) { }

    public HttpClient CreateClientFor(Guid organisationId, string kind, string role = ServiceDefaults.OrganisationRoles.Owner)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(organisationId, kind, role));
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
