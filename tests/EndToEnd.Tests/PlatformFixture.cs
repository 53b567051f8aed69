using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.EndToEnd.Tests;

/// <summary>Every service and the gateway as real processes, as the start command runs them, on one fresh virtual host.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public Platform Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var vhost = await TestInfrastructure.NewVirtualHostAsync();
        Platform = await Platform.StartAsync(TestInfrastructure.PostgresServer, vhost);
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}
