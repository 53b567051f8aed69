using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Matching;
using Matchmaking.Matching.Apis;
using Matchmaking.Matching.Model;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>Request, then exactly one answer, each with its event on the broker and an entry in both feeds.</summary>
public sealed class PartnershipLifecycleTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private Task<List<Notification>> FeedAsync(Guid organisationId, Guid partnershipId) =>
        factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.OrganisationId == organisationId && n.PartnershipId == partnershipId).ToListAsync());

    [Fact]
    public async Task A_request_from_a_match_snapshots_the_tier_price_and_valid_certificates_and_is_announced()
    {
        await using var requested = await EventListener<PartnershipRequested>.StartAsync(factory.RabbitMqConnectionString);
        var s = await PartnershipScenario.CreateAsync(factory);

        var created = await s.RequestedAsync(s.FromMatch(volume: 60_000));

        Assert.Equal((PartnershipStatus.Requested, s.Need.NeedId, s.MatchId, s.Need.Title), (created.Status, created.NeedId, created.MatchId, created.NeedTitle));
        var product = Assert.Single(created.Products);
        Assert.Equal((950L, 60_000L, "túi"), (product.UnitPriceVnd, product.MonthlyVolume, product.Unit));
        // The expired FSC and the suspended OCOP certificates are not cited.
        Assert.Equal(["ISO_14001", "VN_GREEN_LABEL"], product.Certifications.Select(c => c.SchemeCode).Order());
        Assert.Equal(("Kho Long Biên", "Long Biên"), (created.Delivery.Name, created.Delivery.District));
        Assert.Equal(created.ExpiresAt, created.CreatedAt.AddDays(14));

        var evt = (await requested.WaitForAsync(e => e.PartnershipId == created.Id)).Message;
        Assert.Equal((s.Need.RetailerId, s.Product.SupplierId, s.MatchId, 950L), (evt.BuyerId, evt.SupplierId, evt.MatchId, evt.Products[0].UnitPriceVnd));
        Assert.Equal("Chúng tôi muốn hợp tác dài hạn.", evt.Message);
        var toSupplier = Assert.Single(await FeedAsync(s.Product.SupplierId, created.Id));
        Assert.Equal(NotificationKinds.PartnershipRequested, toSupplier.Kind);
        // In Vietnamese, the deadline on the Vietnamese clock (UTC+7).
        var deadline = created.ExpiresAt.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm 'ngày' dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(($"{s.Need.RetailerName} đề nghị hợp tác", $"“{s.Product.NameVi}” (60.000 túi/tháng). Vui lòng trả lời trước {deadline}."),
            (toSupplier.Title, toSupplier.Body));
        Assert.Single(await FeedAsync(s.Need.RetailerId, created.Id));
        Assert.Equal(created.Id, (await (await s.Supplier.GetAsync("/api/matching/partnerships")).ReadAsync<PagedResponse<PartnershipResponse>>(HttpStatusCode.OK)).Items.Single().Id);
    }

    [Fact]
    public async Task Accepting_publishes_everything_the_contract_service_drafts_an_agreement_from()
    {
        await using var accepted = await EventListener<PartnershipAccepted>.StartAsync(factory.RabbitMqConnectionString);
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();

        var answer = await (await s.Supplier.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null)).ReadAsync<PartnershipResponse>(HttpStatusCode.OK);

        Assert.Equal(PartnershipStatus.Accepted, answer.Status);
        var evt = (await accepted.WaitForAsync(e => e.PartnershipId == created.Id)).Message;
        Assert.Equal(("Công ty CP Siêu thị Xanh", "0109876543", "Hà Nội", "Long Biên"), (evt.Buyer.LegalName, evt.Buyer.TaxCode, evt.Buyer.Province, evt.Buyer.District));
        Assert.Equal(("Số 7 Nguyễn Văn Cừ, Ngọc Lâm, Long Biên, Hà Nội", "Đỗ Thu Hà"), (evt.Buyer.Address, evt.Buyer.Representative));
        Assert.Equal(("Gia Lâm, Hà Nội", null), (evt.Supplier.Address, evt.Supplier.Representative));
        Assert.Equal((s.Product.SupplierId, "Công ty TNHH Bao bì Xanh", "0101234567-001"), (evt.Supplier.OrganisationId, evt.Supplier.LegalName, evt.Supplier.TaxCode));
        Assert.Equal((s.Need.NeedId, s.Need.Title, s.Need.NeededFrom, s.Need.ValidUntil), (evt.NeedId, evt.NeedTitle, evt.SupplyFrom, evt.SupplyUntil));
        Assert.Equal(s.Need.RetailerCommitments, evt.BuyerCommitments);
        Assert.Equal((1_100L, 20_000L), (Assert.Single(evt.Products).UnitPriceVnd, evt.Products[0].MonthlyVolume));
        Assert.Equal((s.Need.Delivery.Name, s.Need.Delivery.Latitude), (evt.Delivery.Name, evt.Delivery.Latitude));
        Assert.Equal((s.SupplierUserId, "Chúng tôi muốn hợp tác dài hạn."), (evt.AcceptedByUserId, evt.BuyerMessage));
        var toBuyer = (await FeedAsync(s.Need.RetailerId, created.Id)).OrderBy(n => n.CreatedAt).Last();
        Assert.Equal((NotificationKinds.PartnershipAccepted, $"{s.Product.SupplierName} đã chấp nhận đề nghị hợp tác của bạn", "Hợp đồng hợp tác sẽ được soạn thảo tiếp theo."),
            (toBuyer.Kind, toBuyer.Title, toBuyer.Body));
        Assert.Equal(2, (await FeedAsync(s.Product.SupplierId, created.Id)).Count);

        await (await s.Supplier.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await s.Retailer.PostAsJsonAsync($"/api/matching/partnerships/{created.Id}/withdraw", new { }, MatchingFactory.Json)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unregistered_party_is_named_by_what_the_snapshots_carried()
    {
        await using var accepted = await EventListener<PartnershipAccepted>.StartAsync(factory.RabbitMqConnectionString);
        var s = await PartnershipScenario.CreateAsync(factory, registered: false);
        var created = await s.RequestedAsync();

        await (await s.Supplier.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null)).ReadAsync<PartnershipResponse>(HttpStatusCode.OK);

        var evt = (await accepted.WaitForAsync(e => e.PartnershipId == created.Id)).Message;
        Assert.Equal((s.Need.RetailerName, "Hà Nội"), (evt.Buyer.LegalName, evt.Buyer.Province));
        Assert.Equal((s.Product.SupplierName, "Hà Nội", "Gia Lâm"), (evt.Supplier.LegalName, evt.Supplier.Province, evt.Supplier.District));
        Assert.True(await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == s.Product.SupplierId)));
    }

    [Fact]
    public async Task The_supplier_declines_with_a_reason()
    {
        await using var declined = await EventListener<PartnershipDeclined>.StartAsync(factory.RabbitMqConnectionString);
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();

        var answer = await (await s.Supplier.PostAsJsonAsync($"/api/matching/partnerships/{created.Id}/decline", new { reason = "Đã kín công suất quý này" }, MatchingFactory.Json))
            .ReadAsync<PartnershipResponse>(HttpStatusCode.OK);

        Assert.Equal((PartnershipStatus.Declined, "Đã kín công suất quý này"), (answer.Status, answer.DeclineReason));
        var evt = (await declined.WaitForAsync(e => e.PartnershipId == created.Id)).Message;
        Assert.Equal(("Đã kín công suất quý này", s.Need.RetailerId), (evt.Reason, evt.BuyerId));
        Assert.Contains(await FeedAsync(s.Need.RetailerId, created.Id), n => n.Kind == NotificationKinds.PartnershipDeclined && n.Body == "Đã kín công suất quý này");
        Assert.Equal(PartnershipStatus.Declined, (await s.ReadAsync(created.Id)).Status);
    }

    [Fact]
    public async Task The_buyer_withdraws_before_an_answer_and_the_supplier_can_no_longer_accept()
    {
        await using var withdrawn = await EventListener<PartnershipWithdrawn>.StartAsync(factory.RabbitMqConnectionString);
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();

        var answer = await (await s.Retailer.PostAsJsonAsync($"/api/matching/partnerships/{created.Id}/withdraw", new { reason = "Đổi nhà cung cấp" }, MatchingFactory.Json))
            .ReadAsync<PartnershipResponse>(HttpStatusCode.OK);

        Assert.Equal((PartnershipStatus.Withdrawn, "Đổi nhà cung cấp"), (answer.Status, answer.WithdrawReason));
        Assert.Equal("Đổi nhà cung cấp", (await withdrawn.WaitForAsync(e => e.PartnershipId == created.Id)).Message.Reason);
        Assert.Contains(await FeedAsync(s.Product.SupplierId, created.Id), n => n.Kind == NotificationKinds.PartnershipWithdrawn);
        await (await s.Supplier.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(PartnershipStatus.Withdrawn, (await s.ReadAsync(created.Id)).Status);
    }

    [Fact]
    public async Task A_withdrawal_needs_no_body()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();

        var answer = await (await s.Retailer.PostAsync($"/api/matching/partnerships/{created.Id}/withdraw", null)).ReadAsync<PartnershipResponse>(HttpStatusCode.OK);

        Assert.Equal((PartnershipStatus.Withdrawn, (string?)null), (answer.Status, answer.WithdrawReason));
    }

    [Fact]
    public async Task A_request_from_a_search_hit_names_its_own_delivery_point()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var body = new
        {
            supplierId = s.Product.SupplierId,
            products = new[] { new { productId = s.Product.ProductId, monthlyVolume = 5_000 } },
            delivery = new { name = "Cửa hàng Hoàn Kiếm", district = "Hoàn Kiếm", province = "Hà Nội", latitude = 21.0285, longitude = 105.8542 },
        };

        var created = await s.RequestedAsync(body);

        Assert.Equal((null, null, "Hoàn Kiếm", 1_300L), (created.NeedId, created.MatchId, created.Delivery.District, created.Products[0].UnitPriceVnd));
    }

    [Fact]
    public async Task A_second_open_request_for_the_same_need_and_supplier_is_a_conflict()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        await s.RequestedAsync();

        await (await s.RequestAsync()).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single((await s.BuyerListAsync()).Items);
    }

    [Fact]
    public async Task The_list_filters_by_side_and_status()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();

        var list = await (await s.Retailer.GetAsync("/api/matching/partnerships?side=buyer&status=requested")).ReadAsync<PagedResponse<PartnershipResponse>>(HttpStatusCode.OK);
        Assert.Equal(created.Id, Assert.Single(list.Items).Id);
        Assert.Empty((await (await s.Retailer.GetAsync("/api/matching/partnerships?status=accepted")).ReadAsync<PagedResponse<PartnershipResponse>>(HttpStatusCode.OK)).Items);
        Assert.Empty((await (await s.Retailer.GetAsync("/api/matching/partnerships?side=supplier")).ReadAsync<PagedResponse<PartnershipResponse>>(HttpStatusCode.OK)).Items);
        await (await s.Retailer.GetAsync("/api/matching/partnerships?side=seller")).AssertValidationProblemAsync("side");
        await (await s.Retailer.GetAsync("/api/matching/partnerships?status=pending")).AssertValidationProblemAsync("status");
    }
}
