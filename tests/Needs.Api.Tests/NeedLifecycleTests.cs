using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Needs;
using Matchmaking.Needs.Apis;
using Matchmaking.Needs.Model;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.Needs.Tests;

public sealed class NeedLifecycleTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    [Fact]
    public async Task A_new_need_is_a_private_draft_with_the_default_weights_and_a_copy_of_its_delivery_location()
    {
        await using var posted = await EventListener<NeedPosted>.StartAsync(factory.RabbitMqConnectionString);
        var (retailerId, client, store) = await factory.NewRetailerWithStoreAsync();

        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));

        Assert.Equal((NeedStatus.Draft, retailerId, "Siêu thị Xanh Long Biên", store.Id), (draft.Status, draft.RetailerId, draft.RetailerName, draft.DeliveryLocationId));
        Assert.Equal(new DeliveryResponse("Siêu thị Xanh Nguyễn Văn Cừ", "7 Nguyễn Văn Cừ", "Ngọc Lâm", "Long Biên", "Hà Nội", 21.046, 105.888), draft.Delivery);
        Assert.Equal(new WeightsResponse(0.25, 0.2, 0.2, 0.15, 0.1, 0.1), draft.Weights);
        Assert.Equal((20_000L, "cái", 1_200L, 50.0, 21), (draft.QuantityPerMonth, draft.Unit, draft.MaxUnitPriceVnd!.Value, draft.MaxDistanceKm!.Value, draft.MaxLeadTimeDays!.Value));
        TestData.AssertSameNeed(draft, await client.GetNeedAsync(draft.Id));
        Assert.Empty(await posted.ReceivedAsync(TimeSpan.FromMilliseconds(700)));
    }

    [Fact]
    public async Task Opening_publishes_NeedPosted_with_the_full_snapshot()
    {
        await using var posted = await EventListener<NeedPosted>.StartAsync(factory.RabbitMqConnectionString);
        var (retailerId, client, store) = await factory.NewRetailerWithStoreAsync();
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id, TestData.PriceFirst()) with { MinimumOcopStars = 4 });

        var open = await client.OpenAsync(draft.Id);

        Assert.Equal(NeedStatus.Open, open.Status);
        Assert.True(open.Version > draft.Version);
        var evt = (await posted.WaitForAsync(e => e.Need.NeedId == draft.Id)).Message;
        var need = evt.Need;
        Assert.Equal(open.Version, evt.Version);
        Assert.Equal((retailerId, "Siêu thị Xanh Long Biên", false, "open"), (need.RetailerId, need.RetailerName, need.RetailerVerified, need.Status));
        Assert.Equal(("Túi phân huỷ sinh học cho quầy thu ngân", "eco-packaging", 20_000L, "cái", 1_200L, 4),
            (need.Title, need.Category, need.QuantityPerMonth, need.Unit, need.MaxUnitPriceVnd!.Value, need.MinimumOcopStars!.Value));
        Assert.Equal(["VN_GREEN_LABEL"], need.RequiredSchemes);
        Assert.Equal(["ISO_14001"], need.PreferredSchemes);
        Assert.Equal(["túi sinh học", "túi phân huỷ"], need.Keywords);
        Assert.Equal(["biodegradable", "compostable"], need.Packaging);
        Assert.Equal(["no-single-use-plastic-bags"], need.RetailerCommitments);
        Assert.Equal((TestData.Today.AddDays(7), TestData.Today.AddDays(90)), (need.NeededFrom, need.ValidUntil!.Value));
        Assert.Equal(new DeliveryLocationSnapshot
        {
            Name = "Siêu thị Xanh Nguyễn Văn Cừ", Address = "7 Nguyễn Văn Cừ", Commune = "Ngọc Lâm", District = "Long Biên", Province = "Hà Nội",
            Latitude = 21.046, Longitude = 105.888,
        }, need.Delivery);
        Assert.Equal(new MatchWeightsSnapshot { TextRelevance = 0.1, CertificationStrength = 0.1, Sustainability = 0.1, Distance = 0.1, Price = 0.5, LeadTime = 0.1 },
            need.Weights);
        Assert.Equal((50.0, 21), (need.MaxDistanceKm!.Value, need.MaxLeadTimeDays!.Value));
    }

    [Fact]
    public async Task Editing_an_open_need_or_only_its_weights_publishes_NeedUpdated_with_rising_versions_and_closing_ends_the_sequence()
    {
        await using var posted = await EventListener<NeedPosted>.StartAsync(factory.RabbitMqConnectionString);
        await using var updated = await EventListener<NeedUpdated>.StartAsync(factory.RabbitMqConnectionString);
        await using var closed = await EventListener<NeedClosed>.StartAsync(factory.RabbitMqConnectionString);
        var (retailerId, client, store) = await factory.NewRetailerWithStoreAsync();
        var open = await client.OpenBagsAsync(store.Id);

        var edited = await (await client.PutAsJsonAsync($"/api/needs/{open.Id}", TestData.Bags(store.Id) with { QuantityPerMonth = 30_000 }, NeedsFactory.Json))
            .ReadAsync<NeedResponse>(HttpStatusCode.OK);
        var reweighted = await (await client.PutAsJsonAsync($"/api/needs/{open.Id}/weights", TestData.PriceFirst(), NeedsFactory.Json))
            .ReadAsync<NeedResponse>(HttpStatusCode.OK);
        var ended = await client.CloseAsync(open.Id);

        var postedEvent = (await posted.WaitForAsync(e => e.Need.NeedId == open.Id)).Message;
        var editEvent = (await updated.WaitForAsync(e => e.Need.NeedId == open.Id && e.Version == edited.Version)).Message;
        var weightsEvent = (await updated.WaitForAsync(e => e.Need.NeedId == open.Id && e.Version == reweighted.Version)).Message;
        var closedEvent = (await closed.WaitForAsync(e => e.NeedId == open.Id)).Message;
        Assert.True(postedEvent.Version < editEvent.Version && editEvent.Version < weightsEvent.Version && weightsEvent.Version < closedEvent.Version);
        Assert.Equal(30_000, editEvent.Need.QuantityPerMonth);
        Assert.Equal(0.25, editEvent.Need.Weights.TextRelevance);
        Assert.Equal((0.5, 30_000L), (weightsEvent.Need.Weights.Price, weightsEvent.Need.QuantityPerMonth));
        Assert.Equal((retailerId, "closed", ended.Version), (closedEvent.RetailerId, closedEvent.Reason, closedEvent.Version));
        Assert.Equal(NeedStatus.Closed, (await client.GetNeedAsync(open.Id)).Status);
    }

    [Fact]
    public async Task Editing_a_draft_announces_nothing()
    {
        await using var updated = await EventListener<NeedUpdated>.StartAsync(factory.RabbitMqConnectionString);
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));

        var edited = await (await client.PutAsJsonAsync($"/api/needs/{draft.Id}", TestData.Bags(store.Id) with { Title = "Túi giấy kraft" }, NeedsFactory.Json))
            .ReadAsync<NeedResponse>(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/needs/{draft.Id}/weights", TestData.PriceFirst(), NeedsFactory.Json)).ReadAsync<NeedResponse>(HttpStatusCode.OK);

        Assert.Equal(("Túi giấy kraft", NeedStatus.Draft), (edited.Title, edited.Status));
        Assert.True(edited.Version > draft.Version);
        Assert.Empty(await updated.ReceivedAsync(TimeSpan.FromMilliseconds(700)));
    }

    [Fact]
    public async Task Illegal_transitions_are_conflicts_that_change_nothing()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));
        var open = await client.OpenBagsAsync(store.Id);
        var closed = await client.OpenBagsAsync(store.Id);
        await client.CloseAsync(closed.Id);
        closed = await client.GetNeedAsync(closed.Id);

        await (await client.PostAsync($"/api/needs/{draft.Id}/close", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/needs/{open.Id}/open", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.DeleteAsync($"/api/needs/{open.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/needs/{closed.Id}/open", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/needs/{closed.Id}/close", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/needs/{closed.Id}", TestData.Bags(store.Id), NeedsFactory.Json)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/needs/{closed.Id}/weights", TestData.PriceFirst(), NeedsFactory.Json)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal((NeedStatus.Draft, draft.Version), ((await client.GetNeedAsync(draft.Id)).Status, (await client.GetNeedAsync(draft.Id)).Version));
        Assert.Equal((NeedStatus.Open, open.Version), ((await client.GetNeedAsync(open.Id)).Status, (await client.GetNeedAsync(open.Id)).Version));
        TestData.AssertSameNeed(closed, await client.GetNeedAsync(closed.Id));
    }

    [Fact]
    public async Task A_draft_can_be_deleted()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/needs/{draft.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/needs/{draft.Id}")).StatusCode);
        Assert.Empty((await client.MyNeedsAsync()).Items);
    }

    [Fact]
    public async Task A_need_cannot_open_before_the_retailer_has_a_name_suppliers_can_see()
    {
        var client = factory.NewClient(Contracts.Identity.OrganisationKinds.Retailer, out _);
        var store = await client.CreateLocationAsync();
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));

        await (await client.PostAsync($"/api/needs/{draft.Id}/open", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(NeedStatus.Draft, (await client.GetNeedAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_ETag_fails_with_412_and_changes_nothing()
    {
        await using var updated = await EventListener<NeedUpdated>.StartAsync(factory.RabbitMqConnectionString);
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var created = await client.PostAsJsonAsync("/api/needs", TestData.Bags(store.Id), NeedsFactory.Json);
        var draft = await created.ReadAsync<NeedResponse>(HttpStatusCode.Created);
        var opened = await client.PostAsync($"/api/needs/{draft.Id}/open", null);
        var open = await opened.ReadAsync<NeedResponse>(HttpStatusCode.OK);

        async Task<HttpResponseMessage> EditAsync(string etag, string path, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: NeedsFactory.Json) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return await client.SendAsync(request);
        }

        var staleEdit = await EditAsync(created.Headers.ETag!.Tag, $"/api/needs/{draft.Id}", TestData.Bags(store.Id) with { Title = "Cũ" });
        var staleWeights = await EditAsync(created.Headers.ETag!.Tag, $"/api/needs/{draft.Id}/weights", TestData.PriceFirst());
        await staleEdit.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await staleWeights.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        TestData.AssertSameNeed(open, await client.GetNeedAsync(draft.Id));
        Assert.Empty(await updated.ReceivedAsync(TimeSpan.FromMilliseconds(700)));

        var fresh = await EditAsync(opened.Headers.ETag!.Tag, $"/api/needs/{draft.Id}", TestData.Bags(store.Id) with { Title = "Mới" });
        Assert.Equal("Mới", (await fresh.ReadAsync<NeedResponse>(HttpStatusCode.OK)).Title);
        Assert.NotEqual(opened.Headers.ETag!.Tag, fresh.Headers.ETag!.Tag);
    }
}
