using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Matchmaking.Contracts.Needs;
using Matchmaking.Needs.Apis;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.Needs.Tests;

/// <summary>Bad input gets an RFC 9457 problem naming the field, and nothing is stored or announced.</summary>
public sealed class ValidationTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Each case breaks one rule of an otherwise valid need; the name is what the test report shows.</summary>
    private static NeedRequest Break(string @case, NeedRequest r) => @case switch
    {
        "unknown category" => r with { Category = "plastic-bags" },
        "unknown required scheme" => r with { RequiredSchemes = ["GREEN_STAR"] },
        "unknown preferred scheme" => r with { PreferredSchemes = ["GREEN_STAR"] },
        "scheme both required and preferred" => r with { RequiredSchemes = ["VN_GREEN_LABEL"], PreferredSchemes = ["VN_GREEN_LABEL", "FSC"] },
        "negative quantity" => r with { QuantityPerMonth = -20_000 },
        "zero price" => r with { MaxUnitPriceVnd = 0 },
        "valid until before needed from" => r with { NeededFrom = TestData.Today.AddDays(30), ValidUntil = TestData.Today.AddDays(10) },
        "valid until in the past" => r with { NeededFrom = TestData.Today.AddDays(-30), ValidUntil = TestData.Today.AddDays(-1) },
        "10,000-character title" => r with { Title = new string('T', 10_000) },
        "21 keywords" => r with { Keywords = [.. Enumerable.Range(0, 21).Select(i => $"từ khoá {i}")] },
        "51-character keyword" => r with { Keywords = [new string('k', 51)] },
        "blank keyword" => r with { Keywords = ["túi", " "] },
        "six OCOP stars" => r with { MinimumOcopStars = 6 },
        "zero distance" => r with { MaxDistanceKm = 0 },
        "unknown packaging" => r with { Packaging = ["styrofoam"] },
        "weight above one" => r with { Weights = TestData.PriceFirst() with { TextRelevance = 1.5 } },
        "all weights zero" => r with { Weights = new MatchWeightsRequest(0, 0, 0, 0, 0, 0) },
        "unknown location" => r with { DeliveryLocationId = Guid.NewGuid() },
        "no unit" => r with { Unit = "" },
        _ => throw new ArgumentOutOfRangeException(nameof(@case)),
    };

    public static TheoryData<string, string> Cases => new()
    {
        { "unknown category", "category" },
        { "unknown required scheme", "requiredSchemes" },
        { "unknown preferred scheme", "preferredSchemes" },
        { "scheme both required and preferred", "preferredSchemes" },
        { "negative quantity", "quantityPerMonth" },
        { "zero price", "maxUnitPriceVnd" },
        { "valid until before needed from", "validUntil" },
        { "valid until in the past", "validUntil" },
        { "10,000-character title", "title" },
        { "21 keywords", "keywords" },
        { "51-character keyword", "keywords" },
        { "blank keyword", "keywords" },
        { "six OCOP stars", "minimumOcopStars" },
        { "zero distance", "maxDistanceKm" },
        { "unknown packaging", "packaging" },
        { "weight above one", "weights.textRelevance" },
        { "all weights zero", "weights" },
        { "unknown location", "deliveryLocationId" },
        { "no unit", "unit" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_new_need_is_rejected_and_nothing_is_stored(string @case, string field)
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();

        var response = await client.PostAsJsonAsync("/api/needs", Break(@case, TestData.Bags(store.Id)), NeedsFactory.Json);

        await response.AssertValidationProblemAsync(field);
        Assert.Empty((await client.MyNeedsAsync()).Items);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_edit_of_an_open_need_is_rejected_and_changes_and_announces_nothing(string @case, string field)
    {
        await using var updates = await EventListener<NeedUpdated>.StartAsync(factory.RabbitMqConnectionString);
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var open = await client.OpenBagsAsync(store.Id);

        var response = await client.PutAsJsonAsync($"/api/needs/{open.Id}", Break(@case, TestData.Bags(store.Id)), NeedsFactory.Json);

        await response.AssertValidationProblemAsync(field);
        TestData.AssertSameNeed(open, await client.GetNeedAsync(open.Id));
        Assert.DoesNotContain(await updates.ReceivedAsync(TimeSpan.FromMilliseconds(300)), e => e.Need.NeedId == open.Id);
    }

    [Fact]
    public async Task A_location_of_another_retailer_cannot_be_delivered_to()
    {
        var (_, owner, store) = await factory.NewRetailerWithStoreAsync();
        var (_, other, _) = await factory.NewRetailerWithStoreAsync("Siêu thị Khác");

        await (await other.PostAsJsonAsync("/api/needs", TestData.Bags(store.Id), NeedsFactory.Json)).AssertValidationProblemAsync("deliveryLocationId");

        Assert.Empty((await other.MyNeedsAsync()).Items);
        Assert.Empty((await owner.MyNeedsAsync()).Items);
    }

    [Fact]
    public async Task Missing_fields_are_each_named()
    {
        var (_, client, _) = await factory.NewRetailerWithStoreAsync();
        var response = await client.PostAsync("/api/needs", Raw("""{ "description": "Túi giấy" }"""));

        foreach (var field in new[] { "title", "category", "quantityPerMonth", "unit", "deliveryLocationId", "neededFrom", "validUntil" })
            await response.AssertValidationProblemAsync(field);
        Assert.Empty((await client.MyNeedsAsync()).Items);
    }

    [Fact]
    public async Task Malformed_json_and_wrong_types_are_rejected_without_storing()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var wrongType = JsonSerializer.Serialize(TestData.Bags(store.Id), NeedsFactory.Json).Replace("\"quantityPerMonth\":20000", "\"quantityPerMonth\":\"nhiều\"");

        await (await client.PostAsync("/api/needs", Raw("""{ "title": "Túi giấy", """))).AssertValidationProblemAsync("$");
        await (await client.PostAsync("/api/needs", Raw(wrongType))).AssertValidationProblemAsync("$.quantityPerMonth");
        await (await client.PostAsync("/api/needs/retailers/me/locations", Raw("""{ "name": "Kho", "kind": "shop" }"""))).AssertValidationProblemAsync("$.kind");

        Assert.Empty((await client.MyNeedsAsync()).Items);
        Assert.Equal([store.Id], (await (await client.GetAsync("/api/needs/retailers/me/locations")).ReadAsync<List<LocationResponse>>(HttpStatusCode.OK)).Select(l => l.Id));
    }

    [Fact]
    public async Task Bad_weights_alone_are_rejected_and_the_need_keeps_its_weights()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var open = await client.OpenBagsAsync(store.Id);

        await (await client.PutAsJsonAsync($"/api/needs/{open.Id}/weights", TestData.PriceFirst() with { Price = -0.1 }, NeedsFactory.Json))
            .AssertValidationProblemAsync("price");
        await (await client.PutAsJsonAsync($"/api/needs/{open.Id}/weights", new MatchWeightsRequest(0, 0, 0, 0, 0, 0), NeedsFactory.Json))
            .AssertValidationProblemAsync("weights");
        await (await client.PutAsync($"/api/needs/{open.Id}/weights", Raw("""{ "price": 0.5 }"""))).AssertValidationProblemAsync("textRelevance");

        TestData.AssertSameNeed(open, await client.GetNeedAsync(open.Id));
    }

    [Fact]
    public async Task A_malformed_If_Match_is_rejected()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/needs/{draft.Id}")
        {
            Content = JsonContent.Create(TestData.Bags(store.Id) with { Title = "Khác" }, options: NeedsFactory.Json),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"not-a-version\"");

        await (await client.SendAsync(request)).AssertValidationProblemAsync("ifMatch");

        TestData.AssertSameNeed(draft, await client.GetNeedAsync(draft.Id));
    }

    [Fact]
    public async Task Bad_locations_are_rejected_without_storing()
    {
        var (_, client) = await factory.NewRetailerAsync();

        await (await client.PostAsJsonAsync("/api/needs/retailers/me/locations", TestData.LongBienStore() with { Latitude = 91 }, NeedsFactory.Json))
            .AssertValidationProblemAsync("latitude");
        await (await client.PostAsJsonAsync("/api/needs/retailers/me/locations", TestData.LongBienStore() with { Latitude = 105.888, Longitude = 21.046 }, NeedsFactory.Json))
            .AssertValidationProblemAsync("longitude");
        await (await client.PostAsJsonAsync("/api/needs/retailers/me/locations", TestData.LongBienStore() with { Name = "", Kind = null }, NeedsFactory.Json))
            .AssertValidationProblemAsync("kind");

        Assert.Empty(await (await client.GetAsync("/api/needs/retailers/me/locations")).ReadAsync<List<LocationResponse>>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task An_unknown_commitment_is_rejected_and_the_profile_is_unchanged()
    {
        var (_, client) = await factory.NewRetailerAsync("Siêu thị Xanh", ["eco-packaging"]);

        await (await client.PutAsJsonAsync("/api/needs/retailers/me", new UpdateRetailerRequest("Đổi tên", null, ["zero-waste-everything"]), NeedsFactory.Json))
            .AssertValidationProblemAsync("commitments");

        var profile = await (await client.GetAsync("/api/needs/retailers/me")).ReadAsync<RetailerResponse>(HttpStatusCode.OK);
        Assert.Equal(("Siêu thị Xanh", "eco-packaging"), (profile.Name, string.Join(',', profile.Commitments)));
    }

    [Fact]
    public async Task A_shortlist_note_over_500_characters_is_rejected()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var need = await client.OpenBagsAsync(store.Id);

        await (await client.PutAsJsonAsync($"/api/needs/{need.Id}/shortlist/{Guid.NewGuid()}", new ShortlistRequest(new string('n', 501)), NeedsFactory.Json))
            .AssertValidationProblemAsync("note");

        Assert.Empty(await client.ShortlistAsync(need.Id));
    }

    [Theory]
    [InlineData("/api/needs/mine?status=pending", "status")]
    [InlineData("/api/needs/mine?pageSize=1000", "pageSize")]
    [InlineData("/api/needs/open?page=abc", "page")]
    [InlineData("/api/needs/open?page=0", "page")]
    [InlineData("/api/needs/open?category=plastic", "category")]
    public async Task Bad_list_queries_name_the_parameter(string url, string field)
    {
        var (_, client) = await factory.NewRetailerAsync();
        await (await client.GetAsync(url)).AssertValidationProblemAsync(field);
    }
}
