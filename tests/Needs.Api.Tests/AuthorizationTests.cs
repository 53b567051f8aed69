using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Identity;
using Matchmaking.Needs.Apis;
using Matchmaking.Needs.Model;
using Matchmaking.ServiceDefaults;
using Xunit;

namespace Matchmaking.Needs.Tests;

/// <summary>Endpoint by endpoint: who may read and write what, and that the owner's data is unchanged after every refusal.</summary>
public sealed class AuthorizationTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    /// <summary>Every write route with a body that would be accepted from the owner.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> Writes(Guid needId, Guid locationId, Guid productId) =>
    [
        (HttpMethod.Put, "/api/needs/retailers/me", new UpdateRetailerRequest("Chiếm", null, null)),
        (HttpMethod.Post, "/api/needs/retailers/me/locations", TestData.LongBienStore()),
        (HttpMethod.Put, $"/api/needs/retailers/me/locations/{locationId}", TestData.LongBienStore() with { Name = "Chiếm" }),
        (HttpMethod.Delete, $"/api/needs/retailers/me/locations/{locationId}", null),
        (HttpMethod.Post, "/api/needs", TestData.Bags(locationId)),
        (HttpMethod.Put, $"/api/needs/{needId}", TestData.Bags(locationId) with { Title = "Chiếm" }),
        (HttpMethod.Put, $"/api/needs/{needId}/weights", TestData.PriceFirst()),
        (HttpMethod.Post, $"/api/needs/{needId}/open", null),
        (HttpMethod.Post, $"/api/needs/{needId}/close", null),
        (HttpMethod.Delete, $"/api/needs/{needId}", null),
        (HttpMethod.Put, $"/api/needs/{needId}/shortlist/{productId}", new ShortlistRequest("Chiếm")),
        (HttpMethod.Delete, $"/api/needs/{needId}/shortlist/{productId}", null),
    ];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: NeedsFactory.Json) });

    [Fact]
    public async Task Anonymous_callers_get_401_everywhere_but_the_commitment_list()
    {
        var anonymous = factory.CreateClient();
        var (needId, locationId) = (Guid.NewGuid(), Guid.NewGuid());
        string[] reads =
        [
            "/api/needs/retailers/me", $"/api/needs/retailers/{Guid.NewGuid()}", "/api/needs/retailers/me/locations",
            $"/api/needs/retailers/me/locations/{locationId}", "/api/needs/mine", "/api/needs/open", $"/api/needs/{needId}",
            $"/api/needs/{needId}/shortlist",
        ];

        foreach (var path in reads)
            Assert.True((await anonymous.GetAsync(path)).StatusCode == HttpStatusCode.Unauthorized, $"GET {path}");
        foreach (var (method, path, body) in Writes(needId, locationId, Guid.NewGuid()))
            Assert.True((await SendAsync(anonymous, method, path, body)).StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/needs/reference/commitments")).StatusCode);
    }

    [Fact]
    public async Task Suppliers_and_the_programme_office_write_nothing_here()
    {
        var (_, owner, store) = await factory.NewRetailerWithStoreAsync();
        var need = await owner.OpenBagsAsync(store.Id);
        var supplier = factory.NewClient(OrganisationKinds.Supplier, out _);
        var office = factory.NewClient(OrganisationKinds.ProgrammeOffice, out _);

        foreach (var client in new[] { supplier, office })
        foreach (var (method, path, body) in Writes(need.Id, store.Id, Guid.NewGuid()))
        {
            var response = await SendAsync(client, method, path, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await supplier.GetAsync($"/api/needs/{need.Id}/shortlist")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supplier.GetAsync("/api/needs/retailers/me/locations")).StatusCode);
        TestData.AssertSameNeed(need, await owner.GetNeedAsync(need.Id));
    }

    [Fact]
    public async Task Another_retailer_gets_404_for_drafts_closed_needs_shortlists_and_locations_and_changes_nothing()
    {
        var (_, owner, store) = await factory.NewRetailerWithStoreAsync();
        var draft = await owner.CreateNeedAsync(TestData.Bags(store.Id));
        var open = await owner.OpenBagsAsync(store.Id);
        var closed = await owner.OpenBagsAsync(store.Id);
        closed = await owner.CloseAsync(closed.Id);
        var (_, other, otherStore) = await factory.NewRetailerWithStoreAsync("Siêu thị Khác");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/needs/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/needs/{closed.Id}")).StatusCode);
        foreach (var need in new[] { draft, open, closed })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/needs/{need.Id}/shortlist")).StatusCode);
            foreach (var (method, path, body) in Writes(need.Id, otherStore.Id, Guid.NewGuid()).Where(w => w.Path.StartsWith($"/api/needs/{need.Id}")))
            {
                var response = await SendAsync(other, method, path, body);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
            }
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/needs/retailers/me/locations/{store.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(other, HttpMethod.Put, $"/api/needs/retailers/me/locations/{store.Id}", TestData.LongBienStore())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/needs/retailers/me/locations/{store.Id}")).StatusCode);
        // Delivering to someone else's store is a bad request, not a way to learn about it.
        await (await other.PostAsJsonAsync("/api/needs", TestData.Bags(store.Id), NeedsFactory.Json)).AssertValidationProblemAsync("deliveryLocationId");
        Assert.Empty((await other.MyNeedsAsync()).Items);

        TestData.AssertSameNeed(draft, await owner.GetNeedAsync(draft.Id));
        TestData.AssertSameNeed(open, await owner.GetNeedAsync(open.Id));
        TestData.AssertSameNeed(closed, await owner.GetNeedAsync(closed.Id));
        Assert.Equal(store.Name, (await (await owner.GetAsync($"/api/needs/retailers/me/locations/{store.Id}")).ReadAsync<LocationResponse>(HttpStatusCode.OK)).Name);
    }

    [Fact]
    public async Task An_open_need_is_readable_by_any_organisation_without_its_address_or_shortlist()
    {
        var (_, owner, store) = await factory.NewRetailerWithStoreAsync();
        var open = await owner.OpenBagsAsync(store.Id);
        var supplier = factory.NewClient(OrganisationKinds.Supplier, out _, OrganisationRoles.Member);

        var response = await supplier.GetAsync($"/api/needs/{open.Id}");

        var read = await response.ReadAsync<NeedResponse>(HttpStatusCode.OK);
        Assert.Equal((open.Title, (Guid?)null, (string?)null, "Long Biên"), (read.Title, read.DeliveryLocationId, read.Delivery.Address, read.Delivery.District));
        Assert.Null(response.Headers.ETag);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("shortlist", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("7 Nguyễn Văn Cừ", body);
    }

    [Fact]
    public async Task The_programme_office_reads_any_need_in_full_but_not_shortlists()
    {
        var (_, owner, store) = await factory.NewRetailerWithStoreAsync();
        var draft = await owner.CreateNeedAsync(TestData.Bags(store.Id));
        var closed = await owner.OpenBagsAsync(store.Id);
        closed = await owner.CloseAsync(closed.Id);
        var office = factory.NewClient(OrganisationKinds.ProgrammeOffice, out _);

        TestData.AssertSameNeed(draft, await office.GetNeedAsync(draft.Id));
        TestData.AssertSameNeed(closed, await office.GetNeedAsync(closed.Id));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/needs/open")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync($"/api/needs/{closed.Id}/shortlist")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/api/needs/mine")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_an_organisation_reads_no_needs()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", factory.Tokens.WithoutOrganisation());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/needs/open")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/needs", TestData.Bags(Guid.NewGuid()), NeedsFactory.Json)).StatusCode);
    }

    [Fact]
    public async Task Any_member_of_a_retailer_may_write_its_needs_as_in_the_catalogue()
    {
        var member = factory.NewClient(OrganisationKinds.Retailer, out _, OrganisationRoles.Member);
        var store = await member.CreateLocationAsync();

        var draft = await member.CreateNeedAsync(TestData.Bags(store.Id));

        Assert.Equal(NeedStatus.Draft, draft.Status);
    }
}
