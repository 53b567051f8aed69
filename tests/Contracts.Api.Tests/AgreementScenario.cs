using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Identity;
using Matchmaking.Contracts.Matching;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>One party of an agreement: its organisation, its owner (a fixed user, so activation tokens can name them) and clients in any role.</summary>
public sealed class Party(ContractsFactory factory, PartySnapshot snapshot, string kind)
{
    private HttpClient? _owner;

    public Guid Id => snapshot.OrganisationId;
    public string Kind => kind;
    public string TaxCode => snapshot.TaxCode;
    public string LegalName => snapshot.LegalName;
    public Guid OwnerUserId { get; } = Guid.NewGuid();
    public HttpClient Owner => _owner ??= factory.ClientFor(Id, kind, OrganisationRoles.Owner, OwnerUserId);

    public HttpClient As(string role, Guid? userId = null) => factory.ClientFor(Id, kind, role, userId ?? Guid.NewGuid());

    /// <summary>What the identity service issues the owner after they re-enter their password for <paramref name="documentSha256"/>.</summary>
    public string ActivationFor(Guid agreementId, int version, string documentSha256) =>
        factory.Tokens.SignatureActivationFor(OwnerUserId, Id, documentSha256, SignatureActivation.AgreementReference(agreementId, version), OrganisationRoles.Owner);
}

/// <summary>An agreement drafted the way production drafts one, from a PartnershipAccepted on the broker, and the steps tests take it through.</summary>
public sealed class AgreementScenario
{
    private readonly ContractsFactory _factory;

    private AgreementScenario(ContractsFactory factory, PartnershipAccepted accepted, Guid id)
    {
        _factory = factory;
        Accepted = accepted;
        Id = id;
        Buyer = new Party(factory, accepted.Buyer, OrganisationKinds.Retailer);
        Supplier = new Party(factory, accepted.Supplier, OrganisationKinds.Supplier);
    }

    public PartnershipAccepted Accepted { get; }
    public Guid Id { get; }
    public Party Buyer { get; }
    public Party Supplier { get; }
    public string Url => $"/api/contracts/agreements/{Id}";

    public static async Task<AgreementScenario> DraftedAsync(ContractsFactory factory, PartnershipAccepted? accepted = null)
    {
        accepted ??= TestData.Accepted();
        await (await factory.PublisherAsync()).PublishAsync(accepted);
        var id = await DraftedIdAsync(factory, accepted);
        Assert.True(id is not null, $"No agreement was drafted for partnership {accepted.PartnershipId}");
        return new AgreementScenario(factory, accepted, id!.Value);
    }

    /// <summary>The agreement drafted for the partnership, as its buyer lists it, once it exists.</summary>
    public static async Task<Guid?> DraftedIdAsync(ContractsFactory factory, PartnershipAccepted accepted)
    {
        var buyer = factory.CreateClientFor(accepted.Buyer.OrganisationId, OrganisationKinds.Retailer);
        var page = await Eventually.ReadAsync(
            async () => await (await buyer.GetAsync($"/api/contracts/agreements?partnershipId={accepted.PartnershipId}"))
                .ReadAsync<PagedResponse<AgreementSummaryResponse>>(HttpStatusCode.OK),
            p => p.Items.Count > 0);
        return page.Items.SingleOrDefault()?.Id;
    }

    public Party Other(Party party) => party == Buyer ? Supplier : Buyer;

    public async Task<AgreementResponse> ReadAsync(HttpClient? client = null) =>
        await (await (client ?? Buyer.Owner).GetAsync(Url)).ReadAsync<AgreementResponse>(HttpStatusCode.OK);

    public async Task<VersionResponse> VersionAsync(int version) =>
        await (await Buyer.Owner.GetAsync($"{Url}/versions/{version}")).ReadAsync<VersionResponse>(HttpStatusCode.OK);

    public async Task<byte[]> DocumentAsync(int version = 1)
    {
        var response = await Buyer.Owner.GetAsync($"{Url}/versions/{version}/document");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<AgreementSummaryResponse> SendAsync(int version = 1, Party? by = null) =>
        await (await (by ?? Buyer).Owner.PostAsJsonAsync($"{Url}/send-for-signature", new { version }, ContractsFactory.Json))
            .ReadAsync<AgreementSummaryResponse>(HttpStatusCode.OK);

    public async Task<CertificateResponse> IssueCertificateAsync(Party party) =>
        await (await party.Owner.PostAsync("/api/contracts/certificates", null)).ReadAsync<CertificateResponse>(HttpStatusCode.Created);

    public async Task<HttpResponseMessage> SignRemotelyAsync(Party party, int version = 1, string? token = null, HttpClient? client = null)
    {
        token ??= party.ActivationFor(Id, version, (await VersionAsync(version)).DocumentSha256);
        return await (client ?? party.Owner).PostAsJsonAsync($"{Url}/versions/{version}/signatures/remote", new { activationToken = token }, ContractsFactory.Json);
    }

    public async Task<SignatureResponse> SignedRemotelyAsync(Party party, int version = 1) =>
        await (await SignRemotelyAsync(party, version)).ReadAsync<SignatureResponse>(HttpStatusCode.Created);

    public Task<HttpResponseMessage> UploadAsync(Party party, int version, byte[] signature, HttpClient? client = null) =>
        (client ?? party.Owner).PostAsJsonAsync($"{Url}/versions/{version}/signatures/uploaded", new { signature = Convert.ToBase64String(signature) },
            ContractsFactory.Json);

    /// <summary>Both parties get platform certificates, the buyer sends version 1 and both sign it remotely.</summary>
    public async Task<AgreementResponse> ActivatedAsync()
    {
        await IssueCertificateAsync(Buyer);
        await IssueCertificateAsync(Supplier);
        await SendAsync();
        await SignedRemotelyAsync(Supplier);
        await SignedRemotelyAsync(Buyer);
        return await ReadAsync();
    }

    /// <summary>An amendment body that keeps every current term except what <paramref name="change"/> alters.</summary>
    public static Dictionary<string, object?> AmendmentOf(VersionResponse current, Action<Dictionary<string, object?>, Dictionary<string, object?>>? change = null)
    {
        var t = current.Terms;
        var terms = new Dictionary<string, object?>
        {
            ["products"] = t.Products.Select(p => new Dictionary<string, object?>
                { ["productId"] = p.ProductId, ["unitPriceVnd"] = p.UnitPriceVnd, ["monthlyVolume"] = p.MonthlyVolume }).ToList(),
            ["delivery"] = new Dictionary<string, object?> { ["place"] = t.Delivery.Place, ["frequency"] = t.Delivery.Frequency, ["leadTimeDays"] = t.Delivery.LeadTimeDays },
            ["payment"] = new Dictionary<string, object?> { ["dueDays"] = t.Payment.DueDays, ["method"] = t.Payment.Method, ["pricesIncludeVat"] = t.Payment.PricesIncludeVat },
            ["sustainability"] = new Dictionary<string, object?>
            {
                ["ecoFriendlyPackaging"] = t.Sustainability.EcoFriendlyPackaging, ["keepCertificatesValid"] = t.Sustainability.KeepCertificatesValid,
                ["certificateLapseNoticeDays"] = t.Sustainability.CertificateLapseNoticeDays, ["packagingTakeBack"] = t.Sustainability.PackagingTakeBack,
                ["traceabilityCodesOnDeliveries"] = t.Sustainability.TraceabilityCodesOnDeliveries,
            },
            ["effectiveFrom"] = t.EffectiveFrom,
            ["effectiveUntil"] = t.EffectiveUntil,
            ["terminationNoticeDays"] = t.TerminationNoticeDays,
        };
        var body = new Dictionary<string, object?> { ["basedOnVersion"] = current.Version, ["terms"] = terms };
        change?.Invoke(body, terms);
        return body;
    }

    public Task<HttpResponseMessage> AmendAsync(Party party, object body, HttpClient? client = null) =>
        (client ?? party.Owner).PostAsJsonAsync($"{Url}/versions", body, ContractsFactory.Json);

    /// <summary>Version 1 with the first product's price changed by <paramref name="party"/>: version 2.</summary>
    public async Task<VersionResponse> AmendedAsync(Party party, long newPrice = 1_050)
    {
        var current = await VersionAsync((await ReadAsync()).CurrentVersion.Version);
        var body = AmendmentOf(current, (_, terms) => ((List<Dictionary<string, object?>>)terms["products"]!)[0]["unitPriceVnd"] = newPrice);
        return await (await AmendAsync(party, body)).ReadAsync<VersionResponse>(HttpStatusCode.Created);
    }

    public async Task<AuditTrailResponse> AuditAsync() =>
        await (await Buyer.Owner.GetAsync($"{Url}/audit")).ReadAsync<AuditTrailResponse>(HttpStatusCode.OK);

    public async Task<SignatureVerificationResponse> SignatureReportAsync() =>
        await (await Buyer.Owner.GetAsync($"{Url}/signatures/verification")).ReadAsync<SignatureVerificationResponse>(HttpStatusCode.OK);
}
