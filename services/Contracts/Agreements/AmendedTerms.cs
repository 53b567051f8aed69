using System.Text.Json;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ServiceDefaults;

namespace Matchmaking.ContractSigning.Agreements;

/// <summary>
/// The terms of a new version: the request's editable terms over the current version's. The rules the request's own
/// validation cannot know are checked here (products of this agreement, a term not already over, something changed);
/// every failure names its field, and nothing is written.
/// </summary>
public static class AmendedTerms
{
    public static AgreementTerms Apply(AgreementTerms current, AmendTermsRequest request, string side, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var known = current.Products.ToDictionary(p => p.ProductId);
        var products = new List<AgreementProduct>();
        for (var i = 0; i < request.Products!.Count; i++)
        {
            var line = request.Products[i];
            if (!known.TryGetValue(line.ProductId!.Value, out var product))
                errors[$"terms.products[{i}].productId"] = ["Not a product of this agreement: an amendment can drop products or change their prices and volumes, not add new ones."];
            else products.Add(product with { UnitPriceVnd = line.UnitPriceVnd!.Value, MonthlyVolume = line.MonthlyVolume!.Value });
        }
        var place = request.Delivery!.Place!.Trim();
        if (place.Length == 0) errors["terms.delivery.place"] = ["The delivery place is required."];
        if (request.EffectiveUntil < today) errors["terms.effectiveUntil"] = ["The term would already be over."];
        var representative = request.Representative?.Trim();
        if (representative is { Length: 0 }) errors["terms.representative"] = ["The representative's name cannot be blank; leave it out to keep it."];
        if (errors.Count > 0) throw new DomainValidationException(errors);

        var amended = current with
        {
            Buyer = side == Sides.Buyer ? Represented(current.Buyer, representative, request.RepresentativeTitle) : current.Buyer,
            Supplier = side == Sides.Supplier ? Represented(current.Supplier, representative, request.RepresentativeTitle) : current.Supplier,
            Products = products,
            Delivery = new DeliveryTerms { Place = place, Frequency = request.Delivery.Frequency!, LeadTimeDays = request.Delivery.LeadTimeDays!.Value },
            Payment = new PaymentTerms
            {
                DueDays = request.Payment!.DueDays!.Value, Method = request.Payment.Method!, PricesIncludeVat = request.Payment.PricesIncludeVat!.Value,
            },
            Sustainability = current.Sustainability with
            {
                EcoFriendlyPackaging = request.Sustainability!.EcoFriendlyPackaging!.Value,
                KeepCertificatesValid = request.Sustainability.KeepCertificatesValid!.Value,
                CertificateLapseNoticeDays = request.Sustainability.CertificateLapseNoticeDays!.Value,
                PackagingTakeBack = request.Sustainability.PackagingTakeBack!.Value,
                TraceabilityCodesOnDeliveries = request.Sustainability.TraceabilityCodesOnDeliveries!.Value,
            },
            EffectiveFrom = request.EffectiveFrom!.Value,
            EffectiveUntil = request.EffectiveUntil!.Value,
            TerminationNoticeDays = request.TerminationNoticeDays!.Value,
        };
        // Records compare lists by reference, so the comparison is of what would be stored.
        if (JsonSerializer.Serialize(amended) == JsonSerializer.Serialize(current))
            throw new DomainValidationException("terms", "The amendment changes nothing; a new version needs at least one different term.");
        return amended;
    }

    private static AgreementParty Represented(AgreementParty party, string? representative, string? title) => party with
    {
        Representative = representative ?? party.Representative,
        RepresentativeTitle = title is null ? party.RepresentativeTitle : title.Trim() is { Length: > 0 } t ? t : null,
    };
}
