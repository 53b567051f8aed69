using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.Contracts.Identity;
using Matchmaking.Contracts.Needs;
using Matchmaking.Needs.Apis;
using Matchmaking.Needs.Model;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.Needs.Tests;

public sealed class ProfileAndLocationTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    [Fact]
    public async Task The_commitment_list_is_public_with_Vietnamese_and_English_labels()
    {
        var commitments = await (await factory.CreateClient().GetAsync("/api/needs/reference/commitments")).ReadAsync<List<SustainabilityCommitment>>(HttpStatusCode.OK);

        Assert.Contains(new SustainabilityCommitment("no-single-use-plastic-bags", "Không dùng túi ni lông khó phân huỷ", "No non-biodegradable plastic bags"), commitments);
        Assert.Equal(["no-single-use-plastic-bags", "eco-packaging", "eco-labelled-products", "organic-products", "packaging-take-back", "local-sourcing"],
            commitments.Select(c => c.Code));
    }

    [Fact]
    public async Task A_retailers_first_write_opens_its_profile_from_the_token()
    {
        var client = factory.NewClient(OrganisationKinds.Retailer, out var id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/needs/retailers/me")).StatusCode);

        var updated = await (await client.PutAsJsonAsync("/api/needs/retailers/me",
                new UpdateRetailerRequest("Siêu thị Hapro Mart", "Chuỗi siêu thị của Hà Nội", ["eco-packaging", "local-sourcing"]), NeedsFactory.Json))
            .ReadAsync<RetailerResponse>(HttpStatusCode.OK);

        var read = await (await client.GetAsync("/api/needs/retailers/me")).ReadAsync<RetailerResponse>(HttpStatusCode.OK);
        Assert.Equal(JsonSerializer.Serialize(updated, NeedsFactory.Json), JsonSerializer.Serialize(read, NeedsFactory.Json));
        Assert.Equal((id, "Siêu thị Hapro Mart", false, false), (read.Id, read.Name, read.Verified, read.Registered));
        Assert.Equal(["eco-packaging", "local-sourcing"], read.Commitments);
    }

    [Fact]
    public async Task The_public_profile_shows_name_province_verification_and_commitments_only()
    {
        await using var identity = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (id, _) = await factory.NewRetailerAsync("Siêu thị Xanh", ["organic-products"]);
        await identity.PublishAsync(new OrganisationRegistered
        {
            OrganisationId = id, Kind = OrganisationKinds.Retailer, LegalName = "Công ty CP Siêu thị Xanh", TaxCode = "0109876543",
            Province = "Hà Nội", District = "Long Biên", RegisteredAt = DateTimeOffset.UtcNow,
        });
        await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Retailers.Where(r => r.Id == id).Select(r => r.TaxCode).SingleAsync()), t => t is not null);
        var supplier = factory.NewClient(OrganisationKinds.Supplier, out _);

        var response = await supplier.GetAsync($"/api/needs/retailers/{id}");

        var profile = await response.ReadAsync<RetailerPublicResponse>(HttpStatusCode.OK);
        Assert.Equal((id, "Siêu thị Xanh", "Hà Nội", false), (profile.Id, profile.Name, profile.Province, profile.Verified));
        Assert.Equal(["organic-products"], profile.Commitments);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["id", "name", "province", "verified", "commitments"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.GetAsync($"/api/needs/retailers/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Locations_are_created_listed_read_changed_and_deleted()
    {
        var (_, client) = await factory.NewRetailerAsync();
        var store = await client.CreateLocationAsync();
        var warehouse = await client.CreateLocationAsync(TestData.LongBienStore() with
        {
            Name = "Kho tổng Hoàng Mai", Kind = LocationKind.Warehouse, District = "Hoàng Mai", Latitude = 20.975, Longitude = 105.863,
        });

        var list = await (await client.GetAsync("/api/needs/retailers/me/locations")).ReadAsync<List<LocationResponse>>(HttpStatusCode.OK);
        Assert.Equal([store.Id, warehouse.Id], list.Select(l => l.Id));
        Assert.Equal((LocationKind.Warehouse, "Hoàng Mai"), (list[1].Kind, list[1].District));

        var changed = await (await client.PutAsJsonAsync($"/api/needs/retailers/me/locations/{store.Id}",
            TestData.LongBienStore() with { Kind = LocationKind.DeliveryPoint, Address = "9 Nguyễn Văn Cừ" }, NeedsFactory.Json))
            .ReadAsync<LocationResponse>(HttpStatusCode.OK);
        Assert.Equal((LocationKind.DeliveryPoint, "9 Nguyễn Văn Cừ"), (changed.Kind, changed.Address));
        var raw = await (await client.GetAsync($"/api/needs/retailers/me/locations/{store.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("\"kind\":\"delivery-point\"", raw);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/needs/retailers/me/locations/{warehouse.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/needs/retailers/me/locations/{warehouse.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_location_a_draft_or_open_need_delivers_to_cannot_be_deleted()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        await client.CreateNeedAsync(TestData.Bags(store.Id));

        var response = await client.DeleteAsync($"/api/needs/retailers/me/locations/{store.Id}");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/needs/retailers/me/locations/{store.Id}")).StatusCode);
    }

    [Fact]
    public async Task Correcting_a_location_moves_its_open_needs_and_re_announces_them()
    {
        await using var updates = await EventListener<NeedUpdated>.StartAsync(factory.RabbitMqConnectionString);
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var open = await client.OpenBagsAsync(store.Id);
        var closed = await client.OpenBagsAsync(store.Id);
        await client.CloseAsync(closed.Id);

        await (await client.PutAsJsonAsync($"/api/needs/retailers/me/locations/{store.Id}",
            TestData.LongBienStore() with { District = "Gia Lâm", Latitude = 21.02, Longitude = 105.93 }, NeedsFactory.Json)).ReadAsync<LocationResponse>(HttpStatusCode.OK);

        var evt = (await updates.WaitForAsync(e => e.Need.NeedId == open.Id)).Message;
        Assert.Equal(("Gia Lâm", 21.02, 105.93), (evt.Need.Delivery.District, evt.Need.Delivery.Latitude, evt.Need.Delivery.Longitude));
        Assert.True(evt.Version > open.Version);
        Assert.Equal("Gia Lâm", (await client.GetNeedAsync(open.Id)).Delivery.District);
        Assert.Equal("Long Biên", (await client.GetNeedAsync(closed.Id)).Delivery.District);
        Assert.DoesNotContain(await updates.ReceivedAsync(TimeSpan.FromMilliseconds(500)), e => e.Need.NeedId == closed.Id);
    }

    [Fact]
    public async Task Renaming_the_retailer_or_changing_its_commitments_re_announces_its_open_needs()
    {
        await using var updates = await EventListener<NeedUpdated>.StartAsync(factory.RabbitMqConnectionString);
        var (_, client, store) = await factory.NewRetailerWithStoreAsync("Siêu thị Cũ");
        var open = await client.OpenBagsAsync(store.Id);
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));

        await (await client.PutAsJsonAsync("/api/needs/retailers/me",
            new UpdateRetailerRequest("Siêu thị Mới", null, ["no-single-use-plastic-bags", "packaging-take-back"]), NeedsFactory.Json))
            .ReadAsync<RetailerResponse>(HttpStatusCode.OK);

        var evt = (await updates.WaitForAsync(e => e.Need.NeedId == open.Id)).Message;
        Assert.Equal("Siêu thị Mới", evt.Need.RetailerName);
        Assert.Equal(["no-single-use-plastic-bags", "packaging-take-back"], evt.Need.RetailerCommitments);
        Assert.Equal((await client.GetNeedAsync(open.Id)).Version, evt.Version);
        Assert.DoesNotContain(await updates.ReceivedAsync(TimeSpan.FromMilliseconds(500)), e => e.Need.NeedId == draft.Id);
    }
}
