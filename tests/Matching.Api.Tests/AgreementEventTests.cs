using System.Globalization;
using System.Net;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Apis;
using Matchmaking.Matching.Model;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>
/// The contract service's agreement events, published on the broker as it would: the partnership follows its agreement
/// to contracted, and each party's feed tells it what concerns it, once, whatever order the events arrive in.
/// </summary>
public sealed class AgreementEventTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task The_agreement_events_make_an_accepted_partnership_contracted_and_tell_each_party_only_what_concerns_it()
    {
        var (s, a) = await AcceptedAsync();
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var deadline = Start.AddDays(14);

        await PublishAndWaitAsync(bus, a.Drafted(Start));
        await PublishAndWaitAsync(bus, a.SentForSignature(Start.AddMinutes(1), deadline));
        await PublishAndWaitAsync(bus, a.SignatureDue(Start.AddDays(11), a.BuyerId, deadline));
        var signing = await ReadAsync(s, a);
        await PublishAndWaitAsync(bus, a.Signed(Start.AddDays(12), a.SupplierId));
        await PublishAndWaitAsync(bus, a.Signed(Start.AddDays(13), a.BuyerId));
        await PublishAndWaitAsync(bus, a.Activated(Start.AddDays(13)));

        Assert.Equal((PartnershipStatus.Accepted, AgreementStatuses.AwaitingSignatures), (signing.Status, signing.AgreementStatus));
        var contracted = await ReadAsync(s, a);
        Assert.Equal((PartnershipStatus.Contracted, a.Id, a.Number, AgreementStatuses.Active, Start.AddDays(13)),
            (contracted.Status, contracted.AgreementId, contracted.AgreementNumber, contracted.AgreementStatus, contracted.ContractedAt));
        var buyerFeed = await FeedAsync(a.BuyerId, a.Id);
        var supplierFeed = await FeedAsync(a.SupplierId, a.Id);
        Assert.Equal([NotificationKinds.AgreementDrafted, NotificationKinds.AgreementSentForSignature, NotificationKinds.AgreementSignatureDue,
            NotificationKinds.AgreementSigned, NotificationKinds.AgreementActivated], buyerFeed.Select(n => n.Kind));
        // The supplier is reminded of nothing (it was not due) and told of the buyer's signature, not of its own.
        Assert.Equal([NotificationKinds.AgreementDrafted, NotificationKinds.AgreementSentForSignature, NotificationKinds.AgreementSigned,
            NotificationKinds.AgreementActivated], supplierFeed.Select(n => n.Kind));
        Assert.Equal($"{s.Product.SupplierName} đã ký hợp đồng {a.Number}", buyerFeed.Single(n => n.Kind == NotificationKinds.AgreementSigned).Title);
        Assert.Equal($"{s.Need.RetailerName} đã ký hợp đồng {a.Number}", supplierFeed.Single(n => n.Kind == NotificationKinds.AgreementSigned).Title);
        var due = buyerFeed.Single(n => n.Kind == NotificationKinds.AgreementSignatureDue);
        Assert.Equal(($"Sắp hết hạn ký hợp đồng {a.Number}", $"Tổ chức của bạn chưa ký phiên bản 1. Hạn ký: {VietnamTime(deadline)} (giờ Việt Nam)."),
            (due.Title, due.Body));
        var activated = supplierFeed.Single(n => n.Kind == NotificationKinds.AgreementActivated);
        Assert.Equal($"Hợp đồng {a.Number} đã có hiệu lực", activated.Title);
        Assert.Equal($"Cả hai bên đã ký phiên bản 1. Thời hạn từ {Date(a.From)} đến {Date(a.From.AddMonths(12))}.", activated.Body);
        Assert.All(buyerFeed.Concat(supplierFeed), n => Assert.Equal((a.PartnershipId, s.Need.NeedId), (n.PartnershipId, n.NeedId)));
        // Nobody else hears of it.
        Assert.Equal(9, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.AgreementId == a.Id)));

        var feed = await (await s.Retailer.GetAsync("/api/matching/notifications?pageSize=100")).ReadAsync<PagedResponse<NotificationResponse>>(HttpStatusCode.OK);
        Assert.Equal(5, feed.Items.Count(n => n.AgreementId == a.Id));
        var contractedOnly = await (await s.Supplier.GetAsync("/api/matching/partnerships?status=contracted"))
            .ReadAsync<PagedResponse<PartnershipResponse>>(HttpStatusCode.OK);
        Assert.Equal(a.PartnershipId, Assert.Single(contractedOnly.Items).Id);
    }

    [Fact]
    public async Task A_redelivered_agreement_event_writes_no_second_feed_entry()
    {
        var (_, a) = await AcceptedAsync();
        var (_, sentinel) = await AcceptedAsync();
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var messageId = Guid.NewGuid();

        await PublishAndWaitAsync(bus, a.Activated(Start), messageId);
        await bus.PublishAsync(a.Activated(Start), messageId);
        // The same queue, published after the copy: once it is applied, the copy has been taken off the queue too.
        await PublishAndWaitAsync(bus, sentinel.Activated(Start));
        await Task.Delay(300);

        Assert.Single(await FeedAsync(a.BuyerId, a.Id));
        Assert.Single(await FeedAsync(a.SupplierId, a.Id));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Events_arriving_late_never_take_the_agreement_back_and_a_late_reminder_is_not_shown()
    {
        var (s, a) = await AcceptedAsync();
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);

        await PublishAndWaitAsync(bus, a.Activated(Start.AddDays(2)));
        await PublishAndWaitAsync(bus, a.Drafted(Start));
        await PublishAndWaitAsync(bus, a.Signed(Start.AddDays(1), a.SupplierId));
        await PublishAndWaitAsync(bus, a.SignatureDue(Start.AddDays(1), a.BuyerId, Start.AddDays(3)));
        var afterLateEvents = await ReadAsync(s, a);
        await PublishAndWaitAsync(bus, a.Terminated(Start.AddDays(30), a.BuyerId, "Ngừng kinh doanh mặt hàng"));
        await PublishAndWaitAsync(bus, a.Activated(Start.AddDays(2)));
        await PublishAndWaitAsync(bus, a.Expired(Start.AddDays(40), AgreementExpiryReasons.TermEnded));

        Assert.Equal((PartnershipStatus.Contracted, AgreementStatuses.Active), (afterLateEvents.Status, afterLateEvents.AgreementStatus));
        var ended = await ReadAsync(s, a);
        Assert.Equal((PartnershipStatus.Contracted, AgreementStatuses.Terminated, Start.AddDays(2)), (ended.Status, ended.AgreementStatus, ended.ContractedAt));
        var buyerFeed = await FeedAsync(a.BuyerId, a.Id);
        Assert.DoesNotContain(buyerFeed, n => n.Kind == NotificationKinds.AgreementSignatureDue);
        var terminated = buyerFeed.Single(n => n.Kind == NotificationKinds.AgreementTerminated);
        Assert.Equal(($"Bạn đã chấm dứt hợp đồng {a.Number}", $"Hợp đồng chấm dứt từ ngày {Date(a.From.AddMonths(1))}. Lý do: Ngừng kinh doanh mặt hàng"),
            (terminated.Title, terminated.Body));
        Assert.Equal($"{s.Need.RetailerName} đã chấm dứt hợp đồng {a.Number}",
            (await FeedAsync(a.SupplierId, a.Id)).Single(n => n.Kind == NotificationKinds.AgreementTerminated).Title);
    }

    [Fact]
    public async Task Events_delivered_all_at_once_newest_first_settle_on_the_agreement_in_force()
    {
        var (s, a) = await AcceptedAsync();
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();

        // Five queues, consumed concurrently: the conditional updates decide, not the order of arrival.
        await Task.WhenAll(
            bus.PublishAsync(a.Activated(Start.AddDays(3)), ids[0]),
            bus.PublishAsync(a.Signed(Start.AddDays(3), a.BuyerId), ids[1]),
            bus.PublishAsync(a.SentForSignature(Start.AddDays(1), Start.AddDays(14)), ids[2]),
            bus.PublishAsync(a.Amended(Start.AddMinutes(5), a.BuyerId, version: 1), ids[3]),
            bus.PublishAsync(a.Drafted(Start), ids[4]));
        await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId))), n => n == ids.Length);

        var partnership = await ReadAsync(s, a);
        Assert.Equal((PartnershipStatus.Contracted, AgreementStatuses.Active, a.Number), (partnership.Status, partnership.AgreementStatus, partnership.AgreementNumber));
        Assert.Equal(9, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.AgreementId == a.Id)));
    }

    [Fact]
    public async Task An_amendment_after_a_signature_sends_the_agreement_back_to_awaiting_signatures_and_says_who_amended()
    {
        var (s, a) = await AcceptedAsync();
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);

        await PublishAndWaitAsync(bus, a.Drafted(Start));
        await PublishAndWaitAsync(bus, a.Amended(Start.AddMinutes(1), a.SupplierId, version: 2));
        var stillDraft = await ReadAsync(s, a);
        await PublishAndWaitAsync(bus, a.SentForSignature(Start.AddMinutes(2), Start.AddDays(14), version: 2));
        await PublishAndWaitAsync(bus, a.Signed(Start.AddMinutes(3), a.BuyerId, version: 2));
        var signedOnce = await ReadAsync(s, a);
        await PublishAndWaitAsync(bus, a.Amended(Start.AddMinutes(4), a.SupplierId, version: 3));

        Assert.Equal(AgreementStatuses.Drafted, stillDraft.AgreementStatus);
        Assert.Equal(AgreementStatuses.PartiallySigned, signedOnce.AgreementStatus);
        var amendedAgain = await ReadAsync(s, a);
        Assert.Equal((PartnershipStatus.Accepted, AgreementStatuses.AwaitingSignatures), (amendedAgain.Status, amendedAgain.AgreementStatus));
        var toSupplier = (await FeedAsync(a.SupplierId, a.Id)).Last();
        var toBuyer = (await FeedAsync(a.BuyerId, a.Id)).Last();
        Assert.Equal((NotificationKinds.AgreementAmended, $"Bạn đã sửa đổi hợp đồng {a.Number} (phiên bản 3)"), (toSupplier.Kind, toSupplier.Title));
        Assert.Equal((NotificationKinds.AgreementAmended, $"{s.Product.SupplierName} đã sửa đổi hợp đồng {a.Number} (phiên bản 3)"), (toBuyer.Kind, toBuyer.Title));
    }

    [Fact]
    public async Task A_missed_signing_deadline_is_told_to_both_parties_and_is_final()
    {
        var (s, a) = await AcceptedAsync();
        await using var bus = await EventPublisher.StartAsync(factory.RabbitMqConnectionString);

        await PublishAndWaitAsync(bus, a.SentForSignature(Start, Start.AddDays(14)));
        await PublishAndWaitAsync(bus, a.Expired(Start.AddDays(14), AgreementExpiryReasons.SigningDeadlinePassed));
        await PublishAndWaitAsync(bus, a.Signed(Start.AddDays(15), a.BuyerId));

        var partnership = await ReadAsync(s, a);
        Assert.Equal((PartnershipStatus.Accepted, AgreementStatuses.Expired, null), (partnership.Status, partnership.AgreementStatus, partnership.ContractedAt));
        foreach (var party in new[] { a.BuyerId, a.SupplierId })
        {
            var expired = (await FeedAsync(party, a.Id)).Single(n => n.Kind == NotificationKinds.AgreementExpired);
            Assert.Equal(($"Hợp đồng {a.Number} đã hết hạn ký", "Hạn ký đã qua trước khi cả hai bên ký; hợp đồng không có hiệu lực."), (expired.Title, expired.Body));
        }
    }

    /// <summary>A partnership of a scenario of its own, accepted, and the agreement the contract service would draft from it.</summary>
    private async Task<(PartnershipScenario Scenario, TestAgreement Agreement)> AcceptedAsync()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();
        await (await s.Supplier.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null)).ReadAsync<PartnershipResponse>(HttpStatusCode.OK);
        var number = $"HD-{Start.Year}-{Random.Shared.Next(0, 1_000_000):D6}";
        return (s, new TestAgreement(Guid.NewGuid(), number, created.Id, s.Need.RetailerId, s.Product.SupplierId, DateOnly.FromDateTime(Start.UtcDateTime)));
    }

    /// <summary>Publishes and waits until the inbox holds the message: its changes and feed entries committed with that record.</summary>
    private async Task PublishAndWaitAsync<T>(EventPublisher bus, T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await bus.PublishAsync(message, id);
        var applied = await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == id)), done => done);
        Assert.True(applied, $"{typeof(T).Name} {id} was not applied");
    }

    private static async Task<PartnershipResponse> ReadAsync(PartnershipScenario s, TestAgreement a) => await s.ReadAsync(a.PartnershipId);

    private Task<List<Notification>> FeedAsync(Guid organisationId, Guid agreementId) => factory.WithDbAsync(db => db.Notifications.AsNoTracking()
        .Where(n => n.OrganisationId == organisationId && n.AgreementId == agreementId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync());

    private static string Date(DateOnly day) => day.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    private static string VietnamTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("dd'/'MM'/'yyyy HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>An agreement as the contract service would announce it, with each event built at a chosen moment.</summary>
public sealed record TestAgreement(Guid Id, string Number, Guid PartnershipId, Guid BuyerId, Guid SupplierId, DateOnly From)
{
    public AgreementDrafted Drafted(DateTimeOffset at) => new()
    {
        AgreementId = Id, AgreementNumber = Number, PartnershipId = PartnershipId, BuyerId = BuyerId, SupplierId = SupplierId, Version = 1, OccurredAt = at,
    };

    public AgreementAmended Amended(DateTimeOffset at, Guid by, int version) => new()
    {
        AgreementId = Id, AgreementNumber = Number, PartnershipId = PartnershipId, BuyerId = BuyerId, SupplierId = SupplierId, Version = version,
        AmendedBy = by, OccurredAt = at,
    };

    public AgreementSentForSignature SentForSignature(DateTimeOffset at, DateTimeOffset deadline, int version = 1) => new()
    {
        AgreementId = Id, AgreementNumber = Number, PartnershipId = PartnershipId, BuyerId = BuyerId, SupplierId = SupplierId, Version = version,
        SigningDeadline = deadline, OccurredAt = at,
    };

    public AgreementSignatureDue SignatureDue(DateTimeOffset at, Guid organisationId, DateTimeOffset deadline) => new()
    {
        AgreementId = Id, AgreementNumber = Number, PartnershipId = PartnershipId, BuyerId = BuyerId, SupplierId = SupplierId, Version = 1,
        OrganisationId = organisationId, SigningDeadline = deadline, OccurredAt = at,
    };

    public AgreementSigned Signed(DateTimeOffset at, Guid organisationId, int version = 1) => new()
    {
        AgreementId = Id, AgreementNumber = Number, PartnershipId = PartnershipId, BuyerId = BuyerId, SupplierId = SupplierId, Version = version,
        OrganisationId = organisationId, Method = SignatureMethods.Remote, CertificateFingerprint = new string('a', 64), SignedAt = at,
    };

    public AgreementActivated Activated(DateTimeOffset at) => new()
    {
        AgreementId = Id, AgreementNumber = Number, PartnershipId = PartnershipId, BuyerId = BuyerId, SupplierId = SupplierId, Version = 1,
        EffectiveFrom = From, EffectiveUntil = From.AddMonths(12), OccurredAt = at,
    };

    public AgreementTerminated Terminated(DateTimeOffset at, Guid by, string reason) => new()
    {
        AgreementId = Id, AgreementNumber = Number, PartnershipId = PartnershipId, BuyerId = BuyerId, SupplierId = SupplierId, TerminatedBy = by,
        Reason = reason, EffectiveOn = From.AddMonths(1), OccurredAt = at,
    };

    public AgreementExpired Expired(DateTimeOffset at, string reason) => new()
    {
        AgreementId = Id, AgreementNumber = Number, PartnershipId = PartnershipId, BuyerId = BuyerId, SupplierId = SupplierId, Reason = reason, OccurredAt = at,
    };
}
