using System.Net;
using Matchmaking.ContractSigning.Agreements;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Model;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Contracts.Identity;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>PartnershipAccepted on the broker, as matching publishes it, becomes version 1 of a draft agreement, once.</summary>
public sealed class DraftingTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    [Fact]
    public async Task An_accepted_partnership_is_drafted_as_version_1_with_every_structured_term()
    {
        await using var drafted = await EventListener<AgreementDrafted>.StartAsync(factory.RabbitMqConnectionString);
        var accepted = TestData.Accepted();

        var s = await AgreementScenario.DraftedAsync(factory, accepted);

        var a = await s.ReadAsync();
        Assert.Matches(@"^HD-\d{4}-\d{6}$", a.Number);
        Assert.Equal((AgreementStatus.Draft, accepted.PartnershipId, Sides.Buyer, 1), (a.Status, a.PartnershipId, a.YourSide, a.CurrentVersion.Version));
        Assert.Null(a.CurrentVersion.CreatedBy);
        Assert.Empty(a.Signatures);
        var t = a.CurrentVersion.Terms;
        Assert.Equal((accepted.Buyer.OrganisationId, "Công ty CP Siêu thị Xanh", accepted.Buyer.TaxCode, "Số 7 Nguyễn Văn Cừ, Ngọc Lâm, Long Biên, Hà Nội", "Đỗ Thu Hà"),
            (t.Buyer.OrganisationId, t.Buyer.LegalName, t.Buyer.TaxCode, t.Buyer.Address, t.Buyer.Representative));
        Assert.Equal((accepted.Supplier.OrganisationId, "Công ty TNHH Bao bì Xanh Gia Lâm", accepted.Supplier.TaxCode, "Thôn Kim Sơn, Gia Lâm, Hà Nội", "Nguyễn Văn Hùng"),
            (t.Supplier.OrganisationId, t.Supplier.LegalName, t.Supplier.TaxCode, t.Supplier.Address, t.Supplier.Representative));
        Assert.Equal(a.Buyer, t.Buyer);

        Assert.Equal(2, t.Products.Count);
        var bag = t.Products[0];
        var source = accepted.Products[0];
        Assert.Equal((source.ProductId, "Túi sinh học tự hủy từ bột ngô", "Biodegradable corn-starch shopping bag", "túi", 1_100L, 20_000L, "plastic-free", "VN-GL-0001"),
            (bag.ProductId, bag.NameVi, bag.NameEn, bag.Unit, bag.UnitPriceVnd, bag.MonthlyVolume, bag.Packaging, bag.TraceabilityCode));
        Assert.Equal(new AgreementCertificate("VN_GREEN_LABEL", "NL-2025-117", "Bộ Tài nguyên và Môi trường", source.Certifications[0].ValidUntil),
            Assert.Single(bag.Certifications));
        Assert.Equal((45_000L, 500L, "chiếc"), (t.Products[1].UnitPriceVnd, t.Products[1].MonthlyVolume, t.Products[1].Unit));

        Assert.Equal(("Kho Long Biên, Số 1 Nguyễn Văn Cừ, Ngọc Lâm, Long Biên, Hà Nội", DeliveryFrequencies.Weekly, 21),
            (t.Delivery.Place, t.Delivery.Frequency, t.Delivery.LeadTimeDays));
        Assert.Equal((30, PaymentMethods.BankTransfer, true), (t.Payment.DueDays, t.Payment.Method, t.Payment.PricesIncludeVat));
        Assert.Equal((true, true, 7, true, true), (t.Sustainability.EcoFriendlyPackaging, t.Sustainability.KeepCertificatesValid,
            t.Sustainability.CertificateLapseNoticeDays, t.Sustainability.PackagingTakeBack, t.Sustainability.TraceabilityCodesOnDeliveries));
        Assert.Equal(accepted.BuyerCommitments, t.Sustainability.BuyerCommitments);
        Assert.Equal((accepted.SupplyFrom, accepted.SupplyUntil!.Value, 30, "Túi tự hủy đựng hàng cho siêu thị"),
            (t.EffectiveFrom, t.EffectiveUntil, t.TerminationNoticeDays, t.NeedTitle));

        // The document is a PDF, and its hash is the version's.
        var pdf = await s.DocumentAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Equal(TestData.Sha256(pdf), a.CurrentVersion.DocumentSha256);

        Assert.Equal(Sides.Supplier, (await s.ReadAsync(s.Supplier.Owner)).YourSide);
        var evt = (await drafted.WaitForAsync(e => e.PartnershipId == accepted.PartnershipId)).Message;
        Assert.Equal((a.Id, a.Number, accepted.Buyer.OrganisationId, accepted.Supplier.OrganisationId, 1),
            (evt.AgreementId, evt.AgreementNumber, evt.BuyerId, evt.SupplierId, evt.Version));
    }

    [Fact]
    public async Task A_party_without_representative_address_or_end_date_gets_the_standard_defaults()
    {
        var accepted = TestData.Accepted() with { SupplyUntil = null };
        accepted = accepted with
        {
            Buyer = accepted.Buyer with { Representative = null, Address = null, Province = "Hà Nội" },
            Supplier = accepted.Supplier with { Representative = "  " },
        };

        var s = await AgreementScenario.DraftedAsync(factory, accepted);

        var t = (await s.ReadAsync()).CurrentVersion.Terms;
        Assert.Equal((DraftTerms.LegalRepresentativePlaceholder, "Hà Nội"), (t.Buyer.Representative, t.Buyer.Address));
        Assert.Equal("Người đại diện theo pháp luật", t.Supplier.Representative);
        Assert.Equal(accepted.SupplyFrom.AddMonths(12), t.EffectiveUntil);
    }

    [Fact]
    public async Task A_tax_code_missing_from_the_snapshot_is_taken_from_the_organisations_registration()
    {
        var accepted = TestData.Accepted();
        var publisher = await factory.PublisherAsync();
        await publisher.PublishAsync(new OrganisationRegistered
        {
            OrganisationId = accepted.Supplier.OrganisationId, Kind = OrganisationKinds.Supplier, LegalName = accepted.Supplier.LegalName,
            TaxCode = "0109998887", Province = "Hà Nội", District = "Gia Lâm", RegisteredAt = DateTimeOffset.UtcNow,
        });
        await Eventually.ReadAsync(() => factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == accepted.Supplier.OrganisationId)), found => found);

        var s = await AgreementScenario.DraftedAsync(factory, accepted with { Supplier = accepted.Supplier with { TaxCode = "" } });

        Assert.Equal("0109998887", (await s.ReadAsync()).CurrentVersion.Terms.Supplier.TaxCode);
    }

    [Fact]
    public async Task A_redelivered_PartnershipAccepted_drafts_nothing_new()
    {
        var accepted = TestData.Accepted();
        var messageId = Guid.NewGuid();
        var publisher = await factory.PublisherAsync();
        await publisher.PublishAsync(accepted, messageId);
        var id = await AgreementScenario.DraftedIdAsync(factory, accepted);

        // The same message again (the inbox skips it), and the same partnership in a new message (the agreement exists).
        await publisher.PublishAsync(accepted, messageId);
        await publisher.PublishAsync(accepted with { AcceptedAt = DateTimeOffset.UtcNow });
        var sentinel = TestData.Accepted();
        await publisher.PublishAsync(sentinel);
        await AgreementScenario.DraftedIdAsync(factory, sentinel);
        await Task.Delay(500);

        Assert.Equal(1, await factory.WithDbAsync(db => db.Agreements.CountAsync(a => a.PartnershipId == accepted.PartnershipId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Versions.CountAsync(v => v.AgreementId == id)));
        Assert.Equal([AuditActions.Drafted], await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.AgreementId == id).Select(e => e.Action).ToListAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Agreement_numbers_are_unique_and_follow_the_year()
    {
        var first = await AgreementScenario.DraftedAsync(factory);
        var second = await AgreementScenario.DraftedAsync(factory);

        var (a, b) = ((await first.ReadAsync()).Number, (await second.ReadAsync()).Number);
        Assert.NotEqual(a, b);
        Assert.StartsWith($"HD-{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year}-", a);
        var list = await (await first.Buyer.Owner.GetAsync("/api/contracts/agreements?status=draft")).ReadAsync<PagedResponse<AgreementSummaryResponse>>(HttpStatusCode.OK);
        Assert.Equal(first.Id, Assert.Single(list.Items).Id);
    }
}
