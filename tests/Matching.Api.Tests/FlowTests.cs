using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Identity;
using Matchmaking.Contracts.Matching;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Model;
using Matchmaking.Messaging;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>Both directions driven the real way: catalogue, needs and identity events on the broker, MatchesFound observed on it.</summary>
public sealed class FlowTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private static ProductPublished Published(ProductSnapshot p, long version = 1) => new() { Product = p, Version = version, OccurredAt = DateTimeOffset.UtcNow };
    private static ProductUpdated Updated(ProductSnapshot p, long version) => new() { Product = p, Version = version, OccurredAt = DateTimeOffset.UtcNow };
    private static NeedPosted Posted(NeedSnapshot n, long version = 1) => new() { Need = n, Version = version, OccurredAt = DateTimeOffset.UtcNow };
    private static NeedUpdated NeedChanged(NeedSnapshot n, long version) => new() { Need = n, Version = version, OccurredAt = DateTimeOffset.UtcNow };

    private Task<List<Match>> MatchesOfNeedAsync(Guid needId) =>
        factory.WithDbAsync(db => db.Matches.AsNoTracking().Where(m => m.NeedId == needId).ToListAsync());

    private Task<List<Match>> EventuallyMatchesAsync(Guid needId, Func<List<Match>, bool> done) =>
        Eventually.ReadAsync(() => MatchesOfNeedAsync(needId), done);

    private Task<List<Notification>> FeedAsync(Guid organisationId) =>
        factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.OrganisationId == organisationId).ToListAsync());

    [Fact]
    public async Task A_posted_need_is_matched_against_published_products_and_both_sides_are_told()
    {
        var market = TestData.NewMarket();
        await using var found = await EventListener<MatchesFound>.StartAsync(factory.RabbitMqConnectionString);
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var product = market.Bag();
        await bus.PublishAsync(Published(product));
        await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM products WHERE product_id = {product.ProductId}").SingleAsync()), n => n == 1);
        var need = market.Need();

        await bus.PublishAsync(Posted(need));

        var evt = (await found.WaitForAsync(e => e.NeedId == need.NeedId)).Message;
        Assert.Equal(("need", need.RetailerId, need.Title), (evt.Trigger, evt.RetailerId, evt.NeedTitle));
        var hit = Assert.Single(evt.Matches);
        Assert.Equal((product.ProductId, product.SupplierId, product.NameVi), (hit.ProductId, hit.SupplierId, hit.ProductName));
        var match = Assert.Single(await MatchesOfNeedAsync(need.NeedId));
        Assert.Equal(match.Id, hit.MatchId);

        var retailerFeed = await Eventually.ReadAsync(() => FeedAsync(need.RetailerId), f => f.Count > 0);
        Assert.Equal(NotificationKinds.MatchesFound, Assert.Single(retailerFeed).Kind);
        Assert.Contains(need.Title, retailerFeed[0].Title);
        var supplierFeed = Assert.Single(await FeedAsync(product.SupplierId));
        Assert.Equal(NotificationKinds.ProductMatched, supplierFeed.Kind);
        Assert.Equal($"Sản phẩm “{product.NameVi}” của bạn phù hợp với nhu cầu đang mở “{need.Title}” của {need.RetailerName}", supplierFeed.Title);
        Assert.Equal($"{need.RetailerName} cần 20.000 Túi/tháng, giao đến Long Biên", supplierFeed.Body);
        Assert.Equal((need.NeedId, product.ProductId, match.Id), (supplierFeed.NeedId, supplierFeed.ProductId, supplierFeed.MatchId));
    }

    [Fact]
    public async Task A_published_product_is_matched_against_open_needs()
    {
        var market = TestData.NewMarket();
        await using var found = await EventListener<MatchesFound>.StartAsync(factory.RabbitMqConnectionString);
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (first, second) = (market.Need(), market.Need());
        await bus.PublishAsync(Posted(first));
        await bus.PublishAsync(Posted(second));
        await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM needs WHERE need_id IN ({first.NeedId}, {second.NeedId})").SingleAsync()), n => n == 2);
        var product = market.Bag();

        await bus.PublishAsync(Published(product));

        var one = (await found.WaitForAsync(e => e.NeedId == first.NeedId)).Message;
        var two = (await found.WaitForAsync(e => e.NeedId == second.NeedId)).Message;
        Assert.All([one, two], e => Assert.Equal(("product", product.ProductId), (e.Trigger, Assert.Single(e.Matches).ProductId)));
        var supplierFeed = await Eventually.ReadAsync(() => FeedAsync(product.SupplierId), f => f.Count > 0);
        Assert.Equal($"Sản phẩm “{product.NameVi}” của bạn phù hợp với 2 nhu cầu đang mở", Assert.Single(supplierFeed).Title);
        Assert.Single(await FeedAsync(first.RetailerId));
    }

    [Fact]
    public async Task MatchesFound_announces_only_matches_new_for_the_need()
    {
        var market = TestData.NewMarket();
        await using var found = await EventListener<MatchesFound>.StartAsync(factory.RabbitMqConnectionString);
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var (cheap, pricey) = (market.Bag(), market.Bag() with { PriceTiers = [new(5_000, 1_400)] });
        await bus.PublishAsync(Published(cheap));
        await bus.PublishAsync(Published(pricey));
        var need = market.Need();
        await bus.PublishAsync(Posted(need));
        await found.WaitForAsync(e => e.NeedId == need.NeedId);

        // Same result again, then a higher ceiling that lets the second product in.
        await bus.PublishAsync(NeedChanged(need with { Description = "Cập nhật mô tả" }, 2));
        await bus.PublishAsync(NeedChanged(need with { MaxUnitPriceVnd = 1_500 }, 3));
        await EventuallyMatchesAsync(need.NeedId, m => m.Count == 2);

        var events = (await found.ReceivedAsync(TimeSpan.FromMilliseconds(500))).Where(e => e.NeedId == need.NeedId).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(cheap.ProductId, Assert.Single(events[0].Matches).ProductId);
        Assert.Equal(pricey.ProductId, Assert.Single(events[1].Matches).ProductId);
    }

    [Fact]
    public async Task A_redelivered_need_is_applied_once()
    {
        var market = TestData.NewMarket();
        await using var found = await EventListener<MatchesFound>.StartAsync(factory.RabbitMqConnectionString);
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        await bus.PublishAsync(Published(market.Bag()));
        var need = market.Need();
        var messageId = Guid.NewGuid();

        await bus.PublishAsync(Posted(need), messageId);
        await found.WaitForAsync(e => e.NeedId == need.NeedId);
        await bus.PublishAsync(Posted(need), messageId);
        var sentinel = market.Need();
        await bus.PublishAsync(Posted(sentinel));
        await found.WaitForAsync(e => e.NeedId == sentinel.NeedId);

        Assert.Single(await found.ReceivedAsync(TimeSpan.FromMilliseconds(500)), e => e.NeedId == need.NeedId);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task A_withdrawn_product_leaves_its_needs_and_a_late_older_update_does_not_bring_it_back()
    {
        var market = TestData.NewMarket();
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var product = market.Bag();
        var need = market.Need();
        await bus.PublishAsync(Published(product));
        await bus.PublishAsync(Posted(need));
        await EventuallyMatchesAsync(need.NeedId, m => m.Count == 1);

        await bus.PublishAsync(new ProductWithdrawn { ProductId = product.ProductId, SupplierId = product.SupplierId, Version = 3, OccurredAt = DateTimeOffset.UtcNow });
        await EventuallyMatchesAsync(need.NeedId, m => m.Count == 0);
        await bus.PublishAsync(Updated(product, 2));
        var sentinel = market.Need();
        await bus.PublishAsync(Posted(sentinel));
        await EventuallyMatchesAsync(sentinel.NeedId, m => m.Count > 0);

        Assert.Empty(await MatchesOfNeedAsync(need.NeedId));
        Assert.DoesNotContain(product.ProductId, (await MatchesOfNeedAsync(sentinel.NeedId)).Select(m => m.ProductId));
    }

    [Fact]
    public async Task An_update_with_the_required_certificate_expired_removes_the_match_and_the_expiry_event_changes_nothing_more()
    {
        var market = TestData.NewMarket();
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var certificate = TestData.Certificate();
        var product = market.Bag(certificates: certificate);
        var need = market.Need();
        await bus.PublishAsync(Published(product));
        await bus.PublishAsync(Posted(need));
        await EventuallyMatchesAsync(need.NeedId, m => m.Count == 1);

        await bus.PublishAsync(Updated(product with { Certifications = [certificate with { Status = "expired", ValidAtSnapshot = false }] }, 2));
        await bus.PublishAsync(new CertificationExpired
        {
            CertificateId = certificate.CertificateId, SupplierId = product.SupplierId, SchemeCode = certificate.SchemeCode,
            Number = certificate.Number, ValidUntil = TestData.Today, AffectedProductIds = [product.ProductId], OccurredAt = DateTimeOffset.UtcNow,
        });

        Assert.Empty(await EventuallyMatchesAsync(need.NeedId, m => m.Count == 0));
    }

    [Fact]
    public async Task A_closed_need_keeps_its_matches_as_closed_history()
    {
        var market = TestData.NewMarket();
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var product = market.Bag();
        var need = market.Need();
        await bus.PublishAsync(Published(product));
        await bus.PublishAsync(Posted(need));
        await EventuallyMatchesAsync(need.NeedId, m => m.Count == 1);

        await bus.PublishAsync(new NeedClosed { NeedId = need.NeedId, RetailerId = need.RetailerId, Reason = "closed", Version = 2, OccurredAt = DateTimeOffset.UtcNow });

        var matches = await EventuallyMatchesAsync(need.NeedId, m => m.All(x => x.Status == MatchStatuses.Closed));
        Assert.Equal(MatchStatuses.Closed, Assert.Single(matches).Status);
        // A product update no longer touches a closed need.
        await bus.PublishAsync(Updated(product with { LeadTimeDays = 3 }, 2));
        await Task.Delay(500);
        Assert.Equal(MatchStatuses.Closed, Assert.Single(await MatchesOfNeedAsync(need.NeedId)).Status);
    }

    [Fact]
    public async Task Organisation_events_record_the_legal_facts_partnerships_name_parties_by()
    {
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var id = Guid.NewGuid();
        await bus.PublishAsync(new OrganisationVerified { OrganisationId = id, Kind = OrganisationKinds.Retailer, LegalName = "Công ty CP Siêu thị Xanh", VerifiedAt = DateTimeOffset.UtcNow });
        await bus.PublishAsync(new OrganisationRegistered
        {
            OrganisationId = id, Kind = OrganisationKinds.Retailer, LegalName = "Công ty CP Siêu thị Xanh", TaxCode = "0109876543",
            Province = "Hà Nội", District = "Long Biên", RegisteredAt = DateTimeOffset.UtcNow,
        });

        var organisation = await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id)),
            o => o is { Verified: true, TaxCode: not null });
        Assert.NotNull(organisation);
        Assert.Equal(("0109876543", "Long Biên", true), (organisation.TaxCode, organisation.District, organisation.Verified));
    }
}
