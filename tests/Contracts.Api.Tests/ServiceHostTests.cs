using System.Net;
using System.Text.Json;
using Matchmaking.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>What the gateway and the deployment rely on: the OpenAPI document, health, and refusing to start without a proper master key.</summary>
public sealed class ServiceHostTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    [Fact]
    public async Task The_OpenAPI_document_names_every_route()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        foreach (var path in new[]
        {
            "/api/contracts/agreements", "/api/contracts/agreements/{id}", "/api/contracts/agreements/{id}/versions",
            "/api/contracts/agreements/{id}/versions/{version}", "/api/contracts/agreements/{id}/versions/{version}/document",
            "/api/contracts/agreements/{id}/send-for-signature", "/api/contracts/agreements/{id}/versions/{version}/signatures/remote",
            "/api/contracts/agreements/{id}/versions/{version}/signatures/uploaded", "/api/contracts/agreements/{id}/terminate",
            "/api/contracts/agreements/{id}/signatures/verification", "/api/contracts/agreements/{id}/evidence",
            "/api/contracts/agreements/{id}/audit", "/api/contracts/agreements/{id}/audit/verification", "/api/contracts/verification",
            "/api/contracts/certificates", "/api/contracts/certificates/external", "/api/contracts/certificates/{id}/revoke",
            "/api/contracts/certificates/authority", "/api/contracts/trust-anchors",
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

    [Theory]
    [InlineData(null)]
    [InlineData("c2hvcnQga2V5")]
    [InlineData("not base64 at all")]
    public async Task The_service_refuses_to_start_without_a_master_key_of_at_least_32_bytes(string? masterKey)
    {
        await using var misconfigured = new MisconfiguredFactory(masterKey);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => misconfigured.InitializeAsync());

        Assert.Contains("Signing:MasterKey", error.ToString());
    }

    [Fact]
    public async Task The_service_refuses_to_start_with_a_trust_anchor_file_that_does_not_exist()
    {
        await using var misconfigured = new MisconfiguredFactory(Convert.ToBase64String(new byte[32]), "/nonexistent/provider-root.pem");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => misconfigured.InitializeAsync());

        Assert.Contains("/nonexistent/provider-root.pem", error.ToString());
    }

    private sealed class MisconfiguredFactory(string? masterKey, string? trustAnchorFile = null) : ServiceFactory<Program>("contracts-db", "contracts-api")
    {
        protected override void ConfigureTestServices(IWebHostBuilder builder)
        {
            if (masterKey is not null) builder.UseSetting("Signing:MasterKey", masterKey);
            if (trustAnchorFile is not null) builder.UseSetting("Signing:TrustAnchors:0", trustAnchorFile);
        }
    }
}
