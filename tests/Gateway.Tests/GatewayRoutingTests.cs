using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Matchmaking.Gateway.Tests;

public sealed class GatewayRoutingTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private sealed record Echo(string Path, string CorrelationId, string Authorization);

    [Fact]
    public async Task Published_products_are_readable_without_signing_in()
    {
        var response = await gateway.CreateClient().GetAsync("/api/catalogue/products/123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/catalogue/products/123", (await response.Content.ReadFromJsonAsync<Echo>())!.Path);
    }

    [Theory]
    [InlineData("POST", "/api/catalogue/products")]
    [InlineData("PUT", "/api/catalogue/products/1")]
    [InlineData("DELETE", "/api/catalogue/sites/1")]
    [InlineData("GET", "/api/identity/me")]
    [InlineData("GET", "/api/catalogue/products/mine")]
    [InlineData("GET", "/api/catalogue/suppliers/me")]
    [InlineData("GET", "/api/catalogue/sites")]
    [InlineData("GET", "/api/catalogue/certificates/5")]
    [InlineData("GET", "/api/needs/open")]
    [InlineData("POST", "/api/needs")]
    [InlineData("GET", "/api/needs/retailers/me")]
    [InlineData("GET", "/api/matching/notifications")]
    [InlineData("GET", "/api/matching/needs/7/matches")]
    [InlineData("POST", "/api/matching/partnerships")]
    [InlineData("POST", "/api/matching/partnerships/3/accept")]
    [InlineData("GET", "/api/contracts/agreements")]
    [InlineData("GET", "/api/contracts/agreements/3/evidence")]
    [InlineData("POST", "/api/contracts/agreements/3/versions/1/signatures/remote")]
    [InlineData("POST", "/api/contracts/certificates")]
    [InlineData("GET", "/api/contracts/certificates")]
    public async Task A_protected_route_without_a_token_is_refused_at_the_edge_and_never_reaches_the_service(string method, string path)
    {
        var before = gateway.Hits;
        var response = await gateway.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" ? null : JsonContent.Create(new { }),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, gateway.Hits);
    }

    [Fact]
    public async Task A_forged_token_is_refused_at_the_edge()
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", new Matchmaking.TestSupport.TestTokens("identity-api").For(Guid.NewGuid(), "supplier"));

        var response = await client.PostAsJsonAsync("/api/catalogue/products", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_write_reaches_the_service_with_its_token()
    {
        var response = await gateway.SignedIn().PostAsJsonAsync("/api/catalogue/products", new { nameVi = "Bát" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Bearer ", (await response.Content.ReadFromJsonAsync<Echo>())!.Authorization);
    }

    [Theory]
    [InlineData("/api/needs/retailers/me", "/api/needs/retailers/me")]
    [InlineData("/api/needs", "/api/needs")]
    [InlineData("/api/matching/partnerships/3", "/api/matching/partnerships/3")]
    public async Task Needs_and_matching_calls_reach_their_service_unchanged_when_signed_in(string path, string expected)
    {
        var response = await gateway.SignedIn().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<Echo>())!.Path);
    }

    [Fact]
    public async Task The_commitment_reference_list_is_public()
    {
        var response = await gateway.CreateClient().GetAsync("/api/needs/reference/commitments");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/contracts/verification")]
    [InlineData("GET", "/api/contracts/trust-anchors")]
    [InlineData("GET", "/api/contracts/certificates/authority")]
    public async Task Checking_a_signed_document_and_fetching_the_trust_anchors_need_no_account(string method, string path)
    {
        var response = await gateway.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" ? null : JsonContent.Create(new { }),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(path, (await response.Content.ReadFromJsonAsync<Echo>())!.Path);
    }

    [Fact]
    public async Task Registration_is_open_to_anonymous_callers()
    {
        var response = await gateway.CreateClient().PostAsJsonAsync("/api/identity/organisations", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_request_gets_a_correlation_id_that_the_service_sees_and_the_caller_gets_back()
    {
        var response = await gateway.CreateClient().GetAsync("/api/catalogue/schemes");

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Equal(id, (await response.Content.ReadFromJsonAsync<Echo>())!.CorrelationId);
    }

    [Fact]
    public async Task A_caller_supplied_correlation_id_is_kept()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/schemes");
        request.Headers.Add("X-Correlation-Id", "buyer-batch-42");

        var response = await gateway.CreateClient().SendAsync(request);

        Assert.Equal("buyer-batch-42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.Equal("buyer-batch-42", (await response.Content.ReadFromJsonAsync<Echo>())!.CorrelationId);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_problem_and_never_forwarded()
    {
        var before = gateway.Hits;
        var body = new StringContent(JsonSerializer.Serialize(new { descriptionVi = new string('a', 5 * 1024 * 1024) }), Encoding.UTF8, "application/json");

        var response = await gateway.SignedIn().PostAsync("/api/catalogue/products", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, gateway.Hits);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("catalogue")]
    [InlineData("needs")]
    [InlineData("matching")]
    [InlineData("contracts")]
    public async Task Each_service_openapi_document_is_served_through_the_gateway(string service)
    {
        var document = await gateway.CreateClient().GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
        Assert.Equal("3.1.1", document.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task The_interactive_api_reference_lists_every_service()
    {
        var page = await gateway.CreateClient().GetStringAsync("/scalar");
        Assert.Contains("identity", page);
        Assert.Contains("catalogue", page);
        Assert.Contains("needs", page);
        Assert.Contains("matching", page);
        Assert.Contains("contracts", page);
    }
}

public sealed class GatewayRateLimitTests(StrictRateLimitGatewayFactory gateway) : IClassFixture<StrictRateLimitGatewayFactory>
{
    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after_and_others_are_unaffected()
    {
        var greedy = gateway.SignedIn();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++) last = await greedy.GetAsync("/api/catalogue/products");

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);

        var other = await gateway.SignedIn().GetAsync("/api/catalogue/products");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
