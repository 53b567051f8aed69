using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Identity;
using Matchmaking.Matching.Apis;
using Matchmaking.Matching.Model;
using Matchmaking.ServiceDefaults;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>Endpoint by endpoint: who may request, answer, withdraw and read, and the request unchanged after every refusal.</summary>
public sealed class PartnershipAuthorizationTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private static Task<HttpResponseMessage> Post(HttpClient client, string url, object? body = null) =>
        body is null ? client.PostAsync(url, null) : client.PostAsJsonAsync(url, body, MatchingFactory.Json);

    private static async Task AssertUnchangedAsync(PartnershipScenario s, PartnershipResponse created)
    {
        var after = await s.ReadAsync(created.Id);
        Assert.Equal((PartnershipStatus.Requested, (DateTimeOffset?)null, (string?)null), (after.Status, after.ClosedAt, after.DeclineReason));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_everywhere()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();
        var anonymous = factory.CreateClient();
        var url = $"/api/matching/partnerships/{created.Id}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(anonymous, "/api/matching/partnerships", s.FromMatch())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/matching/partnerships")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(anonymous, $"{url}/accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(anonymous, $"{url}/decline", new { reason = "Không" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(anonymous, $"{url}/withdraw", new { })).StatusCode);
        await AssertUnchangedAsync(s, created);
    }

    [Fact]
    public async Task Only_retailers_request_partnerships()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var office = factory.NewClient(OrganisationKinds.ProgrammeOffice, out _);
        var withoutOrganisation = factory.CreateClient();
        withoutOrganisation.DefaultRequestHeaders.Authorization = new("Bearer", factory.Tokens.WithoutOrganisation());

        await (await Post(s.Supplier, "/api/matching/partnerships", s.FromMatch())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Post(office, "/api/matching/partnerships", s.FromMatch())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Post(withoutOrganisation, "/api/matching/partnerships", s.FromMatch())).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await s.BuyerListAsync()).Items);
    }

    [Fact]
    public async Task Other_organisations_learn_nothing_and_change_nothing()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();
        var url = $"/api/matching/partnerships/{created.Id}";
        var otherRetailer = factory.NewClient(OrganisationKinds.Retailer, out _);
        var otherSupplier = factory.NewClient(OrganisationKinds.Supplier, out _);

        foreach (var other in new[] { otherRetailer, otherSupplier })
        {
            await (await other.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await Post(other, $"{url}/accept")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await Post(other, $"{url}/decline", new { reason = "Không" })).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await Post(other, $"{url}/withdraw", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Empty((await (await other.GetAsync("/api/matching/partnerships")).ReadAsync<PagedResponse<PartnershipResponse>>(HttpStatusCode.OK)).Items);
        }
        await AssertUnchangedAsync(s, created);
    }

    [Fact]
    public async Task The_buyer_cannot_answer_and_the_supplier_cannot_withdraw()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();
        var url = $"/api/matching/partnerships/{created.Id}";

        await (await Post(s.Retailer, $"{url}/accept")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Post(s.Retailer, $"{url}/decline", new { reason = "Không" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Post(s.Supplier, $"{url}/withdraw", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(s, created);
    }

    [Fact]
    public async Task The_programme_office_reads_every_request_but_changes_none()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();
        var url = $"/api/matching/partnerships/{created.Id}";
        var office = factory.NewClient(OrganisationKinds.ProgrammeOffice, out _);

        Assert.Equal(created.Id, (await (await office.GetAsync(url)).ReadAsync<PartnershipResponse>(HttpStatusCode.OK)).Id);
        Assert.Contains((await (await office.GetAsync("/api/matching/partnerships")).ReadAsync<PagedResponse<PartnershipResponse>>(HttpStatusCode.OK)).Items,
            p => p.Id == created.Id);
        await (await Post(office, $"{url}/accept")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Post(office, $"{url}/decline", new { reason = "Không" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Post(office, $"{url}/withdraw", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(s, created);
    }

    [Fact]
    public async Task An_unknown_request_is_404()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        await (await s.Retailer.GetAsync($"/api/matching/partnerships/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Post(s.Supplier, $"/api/matching/partnerships/{Guid.NewGuid()}/accept")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
