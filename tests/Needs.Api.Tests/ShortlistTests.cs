using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Needs.Apis;
using Matchmaking.Needs.Model;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.Needs.Tests;

/// <summary>Shortlists, with the product read model fed by catalogue events published on the broker as the catalogue would.</summary>
public sealed class ShortlistTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    private Task<ProductListing?> ListingAsync(Guid productId) =>
        factory.WithDbAsync(db => db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId));

    private async Task<Guid> PublishProductAsync(EventPublisher catalogue, string name = "Túi sinh học tự huỷ 30x40", long version = 2)
    {
        var productId = Guid.NewGuid();
        await catalogue.PublishAsync(new ProductPublished { Product = TestData.Product(productId, name), Version = version, OccurredAt = DateTimeOffset.UtcNow });
        await Eventually.ReadAsync(() => ListingAsync(productId), p => p is not null);
        return productId;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid needId, Guid productId, string? note = null) =>
        client.PutAsJsonAsync($"/api/needs/{needId}/shortlist/{productId}", new ShortlistRequest(note), NeedsFactory.Json);

    [Fact]
    public async Task A_published_product_can_be_shortlisted_with_a_note_and_shows_its_name_and_supplier()
    {
        await using var catalogue = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var productId = await PublishProductAsync(catalogue);
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var need = await client.OpenBagsAsync(store.Id);

        var entry = await (await PutAsync(client, need.Id, productId, "Giá tốt, hỏi thêm về in logo")).ReadAsync<ShortlistEntryResponse>(HttpStatusCode.OK);
        var renoted = await (await PutAsync(client, need.Id, productId, "Đã gửi mẫu")).ReadAsync<ShortlistEntryResponse>(HttpStatusCode.OK);

        Assert.Equal(("Túi sinh học tự huỷ 30x40", "Công ty Bao bì Xanh Hà Nội", true, "Giá tốt, hỏi thêm về in logo"),
            (entry.ProductName, entry.SupplierName, entry.Available, entry.Note));
        var list = await client.ShortlistAsync(need.Id);
        var only = Assert.Single(list);
        Assert.Equal((productId, "Đã gửi mẫu", "eco-packaging", "cái"), (only.ProductId, only.Note, only.Category, only.Unit));
        Assert.Equal(entry.AddedAt.ToUnixTimeMilliseconds(), renoted.AddedAt.ToUnixTimeMilliseconds());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/needs/{need.Id}/shortlist/{productId}")).StatusCode);
        Assert.Empty(await client.ShortlistAsync(need.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/needs/{need.Id}/shortlist/{productId}")).StatusCode);

        // The note is optional: a bare PUT shortlists the product.
        var bare = await (await client.PutAsync($"/api/needs/{need.Id}/shortlist/{productId}", null)).ReadAsync<ShortlistEntryResponse>(HttpStatusCode.OK);
        Assert.Null(bare.Note);
    }

    [Fact]
    public async Task A_withdrawal_marks_a_shortlisted_product_unavailable_and_a_withdrawn_product_cannot_be_added()
    {
        await using var catalogue = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var kept = await PublishProductAsync(catalogue);
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var need = await client.OpenBagsAsync(store.Id);
        await (await PutAsync(client, need.Id, kept)).ReadAsync<ShortlistEntryResponse>(HttpStatusCode.OK);
        var listing = await ListingAsync(kept);

        await catalogue.PublishAsync(new ProductWithdrawn { ProductId = kept, SupplierId = listing!.SupplierId, Version = 3, OccurredAt = DateTimeOffset.UtcNow });

        var list = await Eventually.ReadAsync(() => client.ShortlistAsync(need.Id), l => l.Count == 1 && !l[0].Available);
        Assert.Equal(("Túi sinh học tự huỷ 30x40", false), (list[0].ProductName, list[0].Available));
        var again = await PutAsync(client, need.Id, kept, "vẫn giữ ghi chú");
        Assert.Equal("vẫn giữ ghi chú", (await again.ReadAsync<ShortlistEntryResponse>(HttpStatusCode.OK)).Note);

        var (_, other, otherStore) = await factory.NewRetailerWithStoreAsync("Siêu thị Khác");
        var otherNeed = await other.OpenBagsAsync(otherStore.Id);
        await (await PutAsync(other, otherNeed.Id, kept)).AssertValidationProblemAsync("productId");
        Assert.Empty(await other.ShortlistAsync(otherNeed.Id));
    }

    [Fact]
    public async Task An_unknown_product_cannot_be_shortlisted()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var need = await client.OpenBagsAsync(store.Id);

        await (await PutAsync(client, need.Id, Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty(await client.ShortlistAsync(need.Id));
    }

    [Fact]
    public async Task A_closed_needs_shortlist_stays_readable_but_no_longer_changes()
    {
        await using var catalogue = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (first, second) = (await PublishProductAsync(catalogue), await PublishProductAsync(catalogue, "Túi giấy kraft"));
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var need = await client.OpenBagsAsync(store.Id);
        await (await PutAsync(client, need.Id, first)).ReadAsync<ShortlistEntryResponse>(HttpStatusCode.OK);
        await client.CloseAsync(need.Id);

        await (await PutAsync(client, need.Id, second)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.DeleteAsync($"/api/needs/{need.Id}/shortlist/{first}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal([first], (await client.ShortlistAsync(need.Id)).Select(e => e.ProductId));
    }

    [Fact]
    public async Task Product_events_older_than_what_the_read_model_holds_are_ignored()
    {
        await using var catalogue = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var productId = await PublishProductAsync(catalogue, "Tên phiên bản 2", version: 2);
        var supplierId = (await ListingAsync(productId))!.SupplierId;

        await catalogue.PublishAsync(new ProductUpdated { Product = TestData.Product(productId, "Tên phiên bản 4", supplierId), Version = 4, OccurredAt = DateTimeOffset.UtcNow });
        await Eventually.ReadAsync(() => ListingAsync(productId), p => p!.Version == 4);
        await catalogue.PublishAsync(new ProductUpdated { Product = TestData.Product(productId, "Tên phiên bản 3", supplierId), Version = 3, OccurredAt = DateTimeOffset.UtcNow });
        await catalogue.PublishAsync(new ProductPublished { Product = TestData.Product(productId, "Tên phiên bản 1", supplierId), Version = 1, OccurredAt = DateTimeOffset.UtcNow });

        // A withdrawal of a product never seen leaves a tombstone that a late, older publication does not undo.
        var ghost = Guid.NewGuid();
        await catalogue.PublishAsync(new ProductWithdrawn { ProductId = ghost, SupplierId = supplierId, Version = 5, OccurredAt = DateTimeOffset.UtcNow });
        await Eventually.ReadAsync(() => ListingAsync(ghost), p => p is not null);
        await catalogue.PublishAsync(new ProductPublished { Product = TestData.Product(ghost, "Sản phẩm cũ", supplierId), Version = 4, OccurredAt = DateTimeOffset.UtcNow });

        var sentinel = await PublishProductAsync(catalogue, "Đánh dấu");
        await Task.Delay(500);
        Assert.NotNull(await ListingAsync(sentinel));
        var listing = await ListingAsync(productId);
        Assert.Equal(("Tên phiên bản 4", 4L, true), (listing!.NameVi, listing.Version, listing.Available));
        var tombstone = await ListingAsync(ghost);
        Assert.Equal((5L, false), (tombstone!.Version, tombstone.Available));
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var need = await client.OpenBagsAsync(store.Id);
        await (await PutAsync(client, need.Id, ghost)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_product_event_delivered_twice_is_applied_once()
    {
        await using var catalogue = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (productId, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        var published = new ProductPublished { Product = TestData.Product(productId), Version = 1, OccurredAt = DateTimeOffset.UtcNow };
        await catalogue.PublishAsync(published, messageId);
        await Eventually.ReadAsync(() => ListingAsync(productId), p => p is not null);
        // Change the listing behind the consumer's back (an older version, another name): a re-applied message would overwrite it.
        await factory.WithDbAsync(db => db.Products.Where(p => p.Id == productId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.NameVi, "Đã đổi").SetProperty(p => p.Version, 0)));

        await catalogue.PublishAsync(published, messageId);
        var sentinel = await PublishProductAsync(catalogue, "Đánh dấu");
        await Task.Delay(500);

        Assert.NotNull(await ListingAsync(sentinel));
        Assert.Equal("Đã đổi", (await ListingAsync(productId))!.NameVi);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Messaging.InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }
}
