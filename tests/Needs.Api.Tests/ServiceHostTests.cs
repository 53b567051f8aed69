using System.Net;
using System.Text.Json;
using Xunit;

namespace Matchmaking.Needs.Tests;

/// <summary>What the gateway and the deployment rely on: the OpenAPI document and the health endpoints.</summary>
public sealed class ServiceHostTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    [Fact]
    public async Task The_OpenAPI_document_names_every_route()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal("3.1.1", document.RootElement.GetProperty("openapi").GetString());
        foreach (var path in new[]
        {
            "/api/needs/reference/commitments", "/api/needs/retailers/me", "/api/needs/retailers/{id}", "/api/needs/retailers/me/locations",
            "/api/needs/retailers/me/locations/{id}", "/api/needs", "/api/needs/mine", "/api/needs/open", "/api/needs/{id}",
            "/api/needs/{id}/weights", "/api/needs/{id}/open", "/api/needs/{id}/close", "/api/needs/{id}/shortlist",
            "/api/needs/{id}/shortlist/{productId}",
        })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task The_service_reports_ready_once_its_database_answers()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
