using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Matchmaking.TestSupport;

/// <summary>
/// The PostgreSQL server and RabbitMQ broker that scripts/test.sh starts for the run, named by environment variables.
/// Every test class gets its own database and its own virtual host, so classes never see each other's data or messages.
/// </summary>
public static class TestInfrastructure
{
    public static string PostgresServer => Require("TEST_POSTGRES");
    public static string RabbitMqServer => Require("TEST_RABBITMQ");
    public static string RabbitMqManagement => Require("TEST_RABBITMQ_MANAGEMENT");

    /// <summary>A connection string to a database name nobody else uses; EF migrations create it.</summary>
    public static string NewDatabase(string prefix)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer)
        {
            Database = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)],
            Pooling = true,
            MaxPoolSize = 20,
        };
        return builder.ConnectionString;
    }

    /// <summary>Creates a fresh virtual host and returns an amqp:// URI for it.</summary>
    public static async Task<string> NewVirtualHostAsync()
    {
        var vhost = "test-" + Guid.NewGuid().ToString("N");
        var management = new Uri(RabbitMqManagement);
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        var user = Uri.UnescapeDataString(management.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        (await http.PutAsync($"/api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var name = user.Split(':')[0];
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"/api/permissions/{vhost}/{name}", permissions)).EnsureSuccessStatusCode();
        var broker = new UriBuilder(RabbitMqServer) { Path = "/" + vhost };
        return broker.Uri.ToString();
    }

    private static string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: run the tests with scripts/test.sh, which starts throwaway PostgreSQL and RabbitMQ instances");
}
