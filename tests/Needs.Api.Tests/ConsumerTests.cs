using System.Net;
using Matchmaking.Contracts.Identity;
using Matchmaking.Contracts.Needs;
using Matchmaking.Messaging;
using Matchmaking.Needs.Apis;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.Needs.Tests;

/// <summary>The identity service's events, published on the broker as it would.</summary>
public sealed class ConsumerTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    private static OrganisationRegistered Registered(Guid id, string kind = OrganisationKinds.Retailer) => new()
    {
        OrganisationId = id, Kind = kind, LegalName = "Công ty CP Thương mại Hà Nội Xanh", TaxCode = "0101234567",
        Province = "Hà Nội", District = "Long Biên", RegisteredAt = DateTimeOffset.UtcNow,
    };

    private static OrganisationVerified Verified(Guid id, string kind = OrganisationKinds.Retailer) => new()
    {
        OrganisationId = id, Kind = kind, LegalName = "Công ty CP Thương mại Hà Nội Xanh", VerifiedAt = DateTimeOffset.UtcNow,
    };

    private Task<bool> ProfileExistsAsync(Guid id) => factory.WithDbAsync(db => db.Retailers.AnyAsync(r => r.Id == id));

    [Fact]
    public async Task OrganisationRegistered_opens_the_retailer_profile()
    {
        await using var identity = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var id = Guid.NewGuid();

        await identity.PublishAsync(Registered(id));

        await Eventually.ReadAsync(() => ProfileExistsAsync(id), found => found);
        var client = factory.CreateClientFor(id, OrganisationKinds.Retailer);
        var profile = await (await client.GetAsync("/api/needs/retailers/me")).ReadAsync<RetailerResponse>(HttpStatusCode.OK);
        Assert.Equal(("Công ty CP Thương mại Hà Nội Xanh", "0101234567", "Long Biên", true, false),
            (profile.Name, profile.TaxCode, profile.District, profile.Registered, profile.Verified));
    }

    [Fact]
    public async Task OrganisationRegistered_delivered_twice_is_applied_once()
    {
        await using var identity = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (id, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        await identity.PublishAsync(Registered(id), messageId);
        await Eventually.ReadAsync(() => ProfileExistsAsync(id), found => found);
        // Change the profile behind the consumer's back: a re-applied message would overwrite this.
        await factory.WithDbAsync(db => db.Retailers.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.LegalName, "Đã đổi")));

        await identity.PublishAsync(Registered(id), messageId);
        var sentinel = Guid.NewGuid();
        await identity.PublishAsync(Registered(sentinel));
        await Eventually.ReadAsync(() => ProfileExistsAsync(sentinel), found => found);
        await Task.Delay(500);

        Assert.Equal("Đã đổi", await factory.WithDbAsync(db => db.Retailers.Where(r => r.Id == id).Select(r => r.LegalName).SingleAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Supplier_and_programme_office_events_open_no_retailer_profile()
    {
        await using var identity = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (supplier, office, sentinel) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await identity.PublishAsync(Registered(supplier, OrganisationKinds.Supplier));
        await identity.PublishAsync(Verified(office, OrganisationKinds.ProgrammeOffice));
        await identity.PublishAsync(Registered(sentinel));
        await Eventually.ReadAsync(() => ProfileExistsAsync(sentinel), found => found);
        await Task.Delay(300);

        Assert.False(await ProfileExistsAsync(supplier));
        Assert.False(await ProfileExistsAsync(office));
    }

    [Fact]
    public async Task Verifying_a_retailer_re_announces_its_open_needs_with_the_verified_flag()
    {
        await using var updates = await EventListener<NeedUpdated>.StartAsync(factory.RabbitMqConnectionString);
        await using var identity = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (id, client, store) = await factory.NewRetailerWithStoreAsync("Siêu thị Xanh");
        var open = await client.OpenBagsAsync(store.Id);
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));

        await identity.PublishAsync(Verified(id));

        var evt = (await updates.WaitForAsync(e => e.Need.NeedId == open.Id && e.Need.RetailerVerified)).Message;
        Assert.Equal("Siêu thị Xanh", evt.Need.RetailerName);
        Assert.True(evt.Version > open.Version);
        var read = await client.GetNeedAsync(open.Id);
        Assert.Equal((true, evt.Version), (read.RetailerVerified, read.Version));
        Assert.Equal(draft.Version, (await client.GetNeedAsync(draft.Id)).Version);
        var profile = await (await factory.NewClient(OrganisationKinds.Supplier, out _).GetAsync($"/api/needs/retailers/{id}"))
            .ReadAsync<RetailerPublicResponse>(HttpStatusCode.OK);
        Assert.True(profile.Verified);

        // Verified again (a redelivery with a new id, say): nothing in the snapshot changes, so nothing is announced.
        await identity.PublishAsync(Verified(id));
        await Task.Delay(700);
        Assert.Single(await updates.ReceivedAsync(TimeSpan.FromMilliseconds(300)), e => e.Need.NeedId == open.Id);
    }
}
