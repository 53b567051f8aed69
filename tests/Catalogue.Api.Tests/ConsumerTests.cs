using System.Net;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Identity;
using Matchmaking.Messaging;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>The identity service's events, published on the broker as it would.</summary>
public sealed class ConsumerTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static OrganisationRegistered Registered(Guid id, string kind = OrganisationKinds.Supplier) => new()
    {
        OrganisationId = id, Kind = kind, LegalName = "Hợp tác xã Mây tre đan Phú Vinh", TaxCode = "0101234567",
        Province = "Hà Nội", District = "Chương Mỹ", RegisteredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task OrganisationRegistered_creates_the_supplier_profile()
    {
        await using var identity = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var id = Guid.NewGuid();

        await identity.PublishAsync(Registered(id), Guid.NewGuid());

        var profile = await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id)), p => p is not null);
        Assert.NotNull(profile);
        Assert.Equal(("Hợp tác xã Mây tre đan Phú Vinh", "0101234567", "Chương Mỹ"), (profile.LegalName, profile.TaxCode, profile.District));
        var read = await (await factory.CreateClient().GetAsync($"/api/catalogue/suppliers/{id}")).ReadAsync<SupplierResponse>(HttpStatusCode.OK);
        Assert.Equal("Hợp tác xã Mây tre đan Phú Vinh", read.Name);
        Assert.Null(read.TaxCode);
    }

    [Fact]
    public async Task OrganisationRegistered_delivered_twice_is_applied_once()
    {
        await using var identity = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (id, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        await identity.PublishAsync(Registered(id), messageId);
        await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Suppliers.AnyAsync(s => s.Id == id)), found => found);
        // Change the profile behind the consumer's back: a re-applied message would overwrite this.
        await factory.WithDbAsync(db => db.Suppliers.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LegalName, "Đã đổi")));

        await identity.PublishAsync(Registered(id), messageId);
        var sentinel = Guid.NewGuid();
        await identity.PublishAsync(Registered(sentinel), Guid.NewGuid());
        await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Suppliers.AnyAsync(s => s.Id == sentinel)), found => found);
        await Task.Delay(500);

        Assert.Equal("Đã đổi", await factory.WithDbAsync(db => db.Suppliers.Where(s => s.Id == id).Select(s => s.LegalName).SingleAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task A_retailer_registration_opens_no_supplier_profile()
    {
        await using var identity = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (retailer, sentinel) = (Guid.NewGuid(), Guid.NewGuid());

        await identity.PublishAsync(Registered(retailer, OrganisationKinds.Retailer), Guid.NewGuid());
        await identity.PublishAsync(Registered(sentinel), Guid.NewGuid());
        await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Suppliers.AnyAsync(s => s.Id == sentinel)), found => found);
        await Task.Delay(300);

        Assert.False(await factory.WithDbAsync(db => db.Suppliers.AnyAsync(s => s.Id == retailer)));
    }

    [Fact]
    public async Task A_profile_created_lazily_is_completed_by_registration_and_verification_republishes_listings()
    {
        await using var updates = await EventListener<ProductUpdated>.StartAsync(factory.RabbitMqConnectionString);
        await using var identity = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (id, client) = await factory.NewSupplierAsync("Mây tre Phú Vinh");
        var (product, _, _) = await client.PublishedVaseAsync();

        await identity.PublishAsync(Registered(id), Guid.NewGuid());
        await identity.PublishAsync(new OrganisationVerified
        {
            OrganisationId = id, Kind = OrganisationKinds.Supplier, LegalName = "Hợp tác xã Mây tre đan Phú Vinh", VerifiedAt = DateTimeOffset.UtcNow,
        }, Guid.NewGuid());

        var evt = (await updates.WaitForAsync(e => e.Product.ProductId == product.Id && e.Product.SupplierVerified)).Message;
        Assert.Equal("Mây tre Phú Vinh", evt.Product.SupplierName);
        var profile = await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id)), p => p.TaxCode is not null);
        Assert.Equal(("0101234567", true), (profile.TaxCode, profile.Verified));
    }
}
