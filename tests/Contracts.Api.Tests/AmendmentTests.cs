using System.Net;
using Matchmaking.Contracts.Agreements;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>Either party proposes new terms as a new version; signatures on older versions stop counting.</summary>
public sealed class AmendmentTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    private static List<Dictionary<string, object?>> Products(Dictionary<string, object?> terms) => (List<Dictionary<string, object?>>)terms["products"]!;

    [Fact]
    public async Task Amending_creates_version_2_and_a_signature_on_version_1_no_longer_counts()
    {
        await using var amended = await EventListener<AgreementAmended>.StartAsync(factory.RabbitMqConnectionString);
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.IssueCertificateAsync(s.Buyer);
        await s.IssueCertificateAsync(s.Supplier);
        await s.SendAsync();
        await s.SignedRemotelyAsync(s.Buyer);
        Assert.Equal(AgreementStatus.PartiallySigned, (await s.ReadAsync()).Status);

        var v1 = await s.VersionAsync(1);
        var body = AgreementScenario.AmendmentOf(v1, (b, terms) =>
        {
            var products = Products(terms);
            products.RemoveAt(1);
            products[0]["unitPriceVnd"] = 1_050L;
            products[0]["monthlyVolume"] = 25_000L;
            ((Dictionary<string, object?>)terms["delivery"]!)["frequency"] = DeliveryFrequencies.Fortnightly;
            terms["representative"] = "Trần Minh Quân";
            terms["representativeTitle"] = "Giám đốc";
        });
        var v2 = await (await s.AmendAsync(s.Supplier, body, s.Supplier.As(OrganisationRoles.Admin))).ReadAsync<VersionResponse>(HttpStatusCode.Created);

        Assert.Equal((2, 1, (Guid?)s.Supplier.Id), (v2.Version, v2.BasedOnVersion, v2.CreatedBy));
        Assert.NotEqual(v1.DocumentSha256, v2.DocumentSha256);
        var product = Assert.Single(v2.Terms.Products);
        Assert.Equal((1_050L, 25_000L), (product.UnitPriceVnd, product.MonthlyVolume));
        Assert.Equal(("Trần Minh Quân", "Giám đốc"), (v2.Terms.Supplier.Representative, v2.Terms.Supplier.RepresentativeTitle));
        Assert.Equal(v1.Terms.Buyer, v2.Terms.Buyer);
        Assert.Equal(DeliveryFrequencies.Fortnightly, v2.Terms.Delivery.Frequency);

        var a = await s.ReadAsync();
        Assert.Equal((AgreementStatus.AwaitingSignatures, 2, 2), (a.Status, a.CurrentVersion.Version, a.Versions.Count));
        Assert.Empty(a.Signatures);
        var report = await s.SignatureReportAsync();
        var old = Assert.Single(report.Signatures);
        Assert.Equal((1, true, false, true), (old.Version, old.Superseded, old.Valid, old.MatchesDocument));
        Assert.False(report.AllValid);
        var evt = (await amended.WaitForAsync(e => e.AgreementId == s.Id)).Message;
        Assert.Equal((2, s.Supplier.Id), (evt.Version, evt.AmendedBy));

        // Version 1 can no longer be signed; version 2 needs both signatures again.
        await (await s.SignRemotelyAsync(s.Supplier, 1)).AssertProblemAsync(HttpStatusCode.Conflict, "superseded");
        await s.SignedRemotelyAsync(s.Supplier, 2);
        Assert.Equal(AgreementStatus.PartiallySigned, (await s.ReadAsync()).Status);
        await s.SignedRemotelyAsync(s.Buyer, 2);
        Assert.Equal(AgreementStatus.Active, (await s.ReadAsync()).Status);
    }

    [Fact]
    public async Task A_draft_stays_a_draft_when_amended_and_the_buyer_changes_only_its_own_representative()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var v1 = await s.VersionAsync(1);
        var body = AgreementScenario.AmendmentOf(v1, (_, terms) => terms["representative"] = "Lê Thị Mai");

        var v2 = await (await s.AmendAsync(s.Buyer, body, s.Buyer.As(OrganisationRoles.Signer))).ReadAsync<VersionResponse>(HttpStatusCode.Created);

        Assert.Equal(("Lê Thị Mai", v1.Terms.Supplier), (v2.Terms.Buyer.Representative, v2.Terms.Supplier));
        Assert.Equal((AgreementStatus.Draft, 2), ((await s.ReadAsync()).Status, (await s.ReadAsync()).CurrentVersion.Version));
    }

    [Fact]
    public async Task An_amendment_based_on_a_superseded_version_is_409_and_changes_nothing()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var v1 = await s.VersionAsync(1);
        await s.AmendedAsync(s.Buyer);

        var stale = AgreementScenario.AmendmentOf(v1, (_, terms) => Products(terms)[0]["unitPriceVnd"] = 990L);
        await (await s.AmendAsync(s.Supplier, stale)).AssertProblemAsync(HttpStatusCode.Conflict, "not the current version");

        var a = await s.ReadAsync();
        Assert.Equal((2, 2, 1_050L), (a.CurrentVersion.Version, a.Versions.Count, a.CurrentVersion.Terms.Products[0].UnitPriceVnd));
    }

    public static TheoryData<string, string> BadAmendments => new()
    {
        { "no-products", "terms.products" },
        { "unknown-product", "terms.products[0].productId" },
        { "duplicate-product", "terms.products" },
        { "zero-price", "terms.products[0].unitPriceVnd" },
        { "negative-volume", "terms.products[0].monthlyVolume" },
        { "daily-delivery", "terms.delivery.frequency" },
        { "blank-place", "terms.delivery.place" },
        { "crypto-payment", "terms.payment.method" },
        { "missing-payment", "terms.payment" },
        { "term-ends-before-it-starts", "terms.effectiveUntil" },
        { "term-already-over", "terms.effectiveUntil" },
        { "no-lapse-notice", "terms.sustainability.certificateLapseNoticeDays" },
        { "blank-representative", "terms.representative" },
        { "nothing-changed", "terms" },
        { "missing-based-on", "basedOnVersion" },
    };

    [Theory]
    [MemberData(nameof(BadAmendments))]
    public async Task A_bad_amendment_is_400_naming_the_field_and_changes_nothing(string mistake, string field)
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var v1 = await s.VersionAsync(1);
        var body = AgreementScenario.AmendmentOf(v1, (b, terms) =>
        {
            var products = Products(terms);
            switch (mistake)
            {
                case "no-products": products.Clear(); break;
                case "unknown-product": products[0]["productId"] = Guid.NewGuid(); break;
                case "duplicate-product": products[1]["productId"] = products[0]["productId"]; break;
                case "zero-price": products[0]["unitPriceVnd"] = 0L; break;
                case "negative-volume": products[0]["monthlyVolume"] = -5L; break;
                case "daily-delivery": ((Dictionary<string, object?>)terms["delivery"]!)["frequency"] = "daily"; break;
                case "blank-place": ((Dictionary<string, object?>)terms["delivery"]!)["place"] = "   "; break;
                case "crypto-payment": ((Dictionary<string, object?>)terms["payment"]!)["method"] = "crypto"; break;
                case "missing-payment": terms.Remove("payment"); break;
                case "term-ends-before-it-starts": terms["effectiveUntil"] = v1.Terms.EffectiveFrom.AddDays(-1); break;
                case "term-already-over":
                    terms["effectiveFrom"] = TestData.Today.AddYears(-2);
                    terms["effectiveUntil"] = TestData.Today.AddDays(-1);
                    break;
                case "no-lapse-notice": ((Dictionary<string, object?>)terms["sustainability"]!)["certificateLapseNoticeDays"] = 0; break;
                case "blank-representative": terms["representative"] = "  "; break;
                case "nothing-changed": break;
                case "missing-based-on": b.Remove("basedOnVersion"); break;
            }
        });

        await (await s.AmendAsync(s.Buyer, body)).AssertValidationProblemAsync(field);

        var a = await s.ReadAsync();
        Assert.Equal((1, 1, AgreementStatus.Draft, v1.DocumentSha256), (a.CurrentVersion.Version, a.Versions.Count, a.Status, a.CurrentVersion.DocumentSha256));
        Assert.DoesNotContain((await s.AuditAsync()).Entries, e => e.Action == "amended");
    }

    [Fact]
    public async Task An_active_agreement_can_no_longer_be_amended()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.ActivatedAsync();

        var body = AgreementScenario.AmendmentOf(await s.VersionAsync(1), (_, terms) => Products(terms)[0]["unitPriceVnd"] = 900L);
        await (await s.AmendAsync(s.Buyer, body)).AssertProblemAsync(HttpStatusCode.Conflict, "active");
        Assert.Single((await s.ReadAsync()).Versions);
    }
}
