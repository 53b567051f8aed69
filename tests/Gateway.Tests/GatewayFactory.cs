using System.Net;
using Matchmaking.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Matchmaking.Gateway.Tests;

/// <summary>The real gateway in memory, routing to a stand-in service on a loopback port that echoes what reached it.</summary>
public class GatewayFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private WebApplication? _downstream;
    public TestTokens Tokens { get; } = new("identity-api");
    public string DownstreamUrl { get; private set; } = "";
    public int Hits;

    protected virtual int RateLimitPermits => 10_000;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _downstream = builder.Build();
        _downstream.Map("/openapi/v1.json", () => Results.Json(new { openapi = "3.1.1", info = new { title = "stand-in" } }));
        _downstream.Map("/{**path}", (HttpContext context) =>
        {
            Interlocked.Increment(ref Hits);
            return Results.Json(new
            {
                path = context.Request.Path.Value,
                correlationId = context.Request.Headers["X-Correlation-Id"].ToString(),
                authorization = context.Request.Headers.Authorization.ToString(),
            });
        });
        await _downstream.StartAsync();
        DownstreamUrl = _downstream.Urls.First();
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Identity:Url", "http://identity.test");
        builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
        builder.UseSetting("Identity:Audience", "identity-api");
        builder.UseSetting("Gateway:RateLimitPermits", RateLimitPermits.ToString());
        builder.UseSetting("Gateway:MaxRequestBodyBytes", "65536");
        builder.UseSetting("ReverseProxy:Clusters:identity:Destinations:primary:Address", DownstreamUrl);
        foreach (var cluster in new[] { "catalogue", "needs", "matching", "contracts" })
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:Destinations:primary:Address", DownstreamUrl);
        builder.ConfigureServices(Tokens.Install);
    }

    public HttpClient SignedIn()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(Guid.NewGuid(), "supplier"));
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_downstream is not null) await _downstream.DisposeAsync();
        await DisposeAsync();
    }
}

public sealed class StrictRateLimitGatewayFactory : GatewayFactory
{
    protected override int RateLimitPermits => 3;
}
