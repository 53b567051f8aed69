using Matchmaking.Contracts.Matching;
using Matchmaking.ContractSigning.Model;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>
/// Version 1's terms from an accepted partnership: what the two sides agreed in the request (products, tier prices,
/// volumes, the delivery point, the dates, the buyer's commitments) plus the programme's standard clauses, which either
/// side can amend before signing.
/// </summary>
public static class DraftTerms
{
    /// <summary>Written where a party's snapshot names no representative; the party corrects it by amendment.</summary>
    public const string LegalRepresentativePlaceholder = "Người đại diện theo pháp luật";
    public const int PaymentDueDays = 30;
    public const int CertificateLapseNoticeDays = 7;
    public const int TerminationNoticeDays = 30;
    public const int DefaultTermMonths = 12;

    public static AgreementTerms From(PartnershipAccepted accepted, Organisation? buyer, Organisation? supplier)
    {
        var from = accepted.SupplyFrom;
        var until = accepted.SupplyUntil is { } end && end > from ? end : from.AddMonths(DefaultTermMonths);
        return new AgreementTerms
        {
            Buyer = Party(accepted.Buyer, buyer),
            Supplier = Party(accepted.Supplier, supplier),
            Products = [.. accepted.Products.Select(Product)],
            Delivery = new DeliveryTerms
            {
                Place = string.Join(", ", new[] { accepted.Delivery.Name, accepted.Delivery.Address, accepted.Delivery.Commune, accepted.Delivery.District,
                    accepted.Delivery.Province }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())),
                Frequency = DeliveryFrequencies.Weekly,
                LeadTimeDays = accepted.Products.Count == 0 ? 0 : accepted.Products.Max(p => p.LeadTimeDays),
            },
            Payment = new PaymentTerms { DueDays = PaymentDueDays, Method = PaymentMethods.BankTransfer, PricesIncludeVat = true },
            Sustainability = new SustainabilityTerms
            {
                EcoFriendlyPackaging = true,
                KeepCertificatesValid = true,
                CertificateLapseNoticeDays = CertificateLapseNoticeDays,
                PackagingTakeBack = true,
                TraceabilityCodesOnDeliveries = true,
                BuyerCommitments = accepted.BuyerCommitments,
            },
            EffectiveFrom = from,
            EffectiveUntil = until,
            TerminationNoticeDays = TerminationNoticeDays,
            NeedTitle = Blank(accepted.NeedTitle),
        };
    }

    /// <summary>
    /// The party as the partnership named it. Matching sends an empty tax code or name for an organisation whose
    /// registration it never saw; this service's own copy of the registration fills those in, as a certificate needs them.
    /// </summary>
    private static AgreementParty Party(PartySnapshot party, Organisation? registered) => new()
    {
        OrganisationId = party.OrganisationId,
        LegalName = Blank(party.LegalName) ?? Blank(registered?.LegalName) ?? "",
        TaxCode = Blank(party.TaxCode) ?? Blank(registered?.TaxCode) ?? "",
        Address = Blank(party.Address) ?? party.Province,
        Representative = Blank(party.Representative) ?? LegalRepresentativePlaceholder,
    };

    private static AgreementProduct Product(PartnershipProduct p) => new()
    {
        ProductId = p.ProductId,
        NameVi = p.NameVi,
        NameEn = p.NameEn,
        Unit = p.Unit,
        UnitPriceVnd = p.UnitPriceVnd,
        MonthlyVolume = p.MonthlyVolume,
        Packaging = p.Packaging,
        TraceabilityCode = p.TraceabilityCode,
        Certifications = [.. p.Certifications.Select(c => new AgreementCertificate(c.SchemeCode, c.Number, c.Issuer, c.ValidUntil))],
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
