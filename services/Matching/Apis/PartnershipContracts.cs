using System.ComponentModel.DataAnnotations;
using Matchmaking.Contracts.Matching;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Model;

namespace Matchmaking.Matching.Apis;

public sealed record PartnershipProductRequest(
    [Required] Guid? ProductId,
    [Required, Range(1, long.MaxValue)] long? MonthlyVolume);

public sealed record DeliveryRequest(
    [Required, StringLength(200, MinimumLength = 1)] string? Name,
    [StringLength(300)] string? Address,
    [StringLength(100)] string? Commune,
    [Required, StringLength(100, MinimumLength = 1)] string? District,
    [Required, StringLength(100, MinimumLength = 1)] string? Province,
    [Required, Range(-90.0, 90.0)] double? Latitude,
    [Required, Range(-180.0, 180.0)] double? Longitude)
{
    public DeliveryLocationSnapshot ToSnapshot() => new()
    {
        Name = Name!.Trim(), Address = Blank(Address), Commune = Blank(Commune), District = District!.Trim(), Province = Province!.Trim(),
        Latitude = Latitude!.Value, Longitude = Longitude!.Value,
    };

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// A retailer asks a supplier to partner on some of its products: from a match, for one of its needs, or from a search
/// hit (then with a delivery point). The delivery point defaults to the need's.
/// </summary>
public sealed record RequestPartnershipRequest(
    Guid? MatchId,
    Guid? NeedId,
    [Required] Guid? SupplierId,
    [Required, MinLength(1), MaxLength(20)] IReadOnlyList<PartnershipProductRequest>? Products,
    [StringLength(2000)] string? Message,
    DeliveryRequest? Delivery) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (MatchId is null && NeedId is null && Delivery is null)
            yield return new ValidationResult("Give a delivery point when the request is for no need.", [nameof(Delivery)]);
        if (Products is { Count: > 1 } products && products.Where(p => p?.ProductId is not null).GroupBy(p => p.ProductId).Any(g => g.Count() > 1))
            yield return new ValidationResult("Each product appears once.", [nameof(Products)]);
    }
}

public sealed record DeclinePartnershipRequest([Required, StringLength(1000, MinimumLength = 1)] string? Reason);

public sealed record WithdrawPartnershipRequest([StringLength(1000)] string? Reason);

/// <summary>Query of the partnership list: side buyer or supplier (default: the caller's kind), status, page.</summary>
public sealed record ListPartnershipsQuery(string? Side, string? Status, string? Page, string? PageSize);

public sealed record PartyResponse(Guid Id, string Name);

public sealed record CitedCertificationResponse(Guid CertificateId, string SchemeCode, string Number, string Issuer, string? Level, DateOnly? ValidUntil);

public sealed record PartnershipProductResponse(
    Guid ProductId, string NameVi, string? NameEn, string Category, string Unit, long UnitPriceVnd, long MonthlyVolume,
    long MinimumOrderQuantity, int LeadTimeDays, string Packaging, string? TraceabilityCode, IReadOnlyList<CitedCertificationResponse> Certifications)
{
    public static PartnershipProductResponse From(PartnershipProduct p) => new(
        p.ProductId, p.NameVi, p.NameEn, p.Category, p.Unit, p.UnitPriceVnd, p.MonthlyVolume, p.MinimumOrderQuantity, p.LeadTimeDays,
        p.Packaging, p.TraceabilityCode,
        [.. p.Certifications.Select(c => new CitedCertificationResponse(c.CertificateId, c.SchemeCode, c.Number, c.Issuer, c.Level, c.ValidUntil))]);
}

public sealed record DeliveryResponse(string Name, string? Address, string? Commune, string District, string Province, double Latitude, double Longitude);

public sealed record PartnershipResponse(
    Guid Id, PartnershipStatus Status, PartyResponse Buyer, PartyResponse Supplier, Guid? NeedId, string? NeedTitle, Guid? MatchId,
    IReadOnlyList<PartnershipProductResponse> Products, DeliveryResponse Delivery, string? Message, string? DeclineReason, string? WithdrawReason,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ClosedAt,
    Guid? AgreementId, string? AgreementNumber, string? AgreementStatus, DateTimeOffset? ContractedAt)
{
    public static PartnershipResponse From(Partnership p) => new(
        p.Id, p.Status, new PartyResponse(p.BuyerId, p.BuyerName), new PartyResponse(p.SupplierId, p.SupplierName), p.NeedId, p.NeedTitle,
        p.MatchId, [.. p.Products.Select(PartnershipProductResponse.From)],
        new DeliveryResponse(p.Delivery.Name, p.Delivery.Address, p.Delivery.Commune, p.Delivery.District, p.Delivery.Province,
            p.Delivery.Latitude, p.Delivery.Longitude),
        p.Message, p.DeclineReason, p.WithdrawReason, p.CreatedAt, p.ExpiresAt, p.ClosedAt,
        p.AgreementId, p.AgreementNumber, p.AgreementStatus, p.ContractedAt);
}
