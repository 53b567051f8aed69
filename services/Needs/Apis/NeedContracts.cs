using System.ComponentModel.DataAnnotations;
using Matchmaking.Needs.Model;

namespace Matchmaking.Needs.Apis;

/// <summary>Relative weights of a match score's parts, each 0..1 and not all zero; matching normalises them to sum to 1.</summary>
public sealed record MatchWeightsRequest(
    [Required, Range(0.0, 1.0)] double? TextRelevance,
    [Required, Range(0.0, 1.0)] double? CertificationStrength,
    [Required, Range(0.0, 1.0)] double? Sustainability,
    [Required, Range(0.0, 1.0)] double? Distance,
    [Required, Range(0.0, 1.0)] double? Price,
    [Required, Range(0.0, 1.0)] double? LeadTime)
{
    public bool AllZero => new[] { TextRelevance, CertificationStrength, Sustainability, Distance, Price, LeadTime }.All(w => w is 0);

    public MatchWeights ToWeights() => new()
    {
        TextRelevance = TextRelevance!.Value, CertificationStrength = CertificationStrength!.Value, Sustainability = Sustainability!.Value,
        Distance = Distance!.Value, Price = Price!.Value, LeadTime = LeadTime!.Value,
    };
}

/// <summary>
/// A sourcing need as the retailer writes it; used for both create and full replace. Required schemes and OCOP stars
/// filter products in matching; preferred schemes, packaging and lead time only score. Omitted weights take the defaults.
/// </summary>
public sealed record NeedRequest(
    [Required, StringLength(200, MinimumLength = 1)] string? Title,
    [StringLength(5000)] string? Description,
    [Required] string? Category,
    [MaxLength(20)] IReadOnlyList<string>? Keywords,
    [MaxLength(10)] IReadOnlyList<string>? RequiredSchemes,
    [MaxLength(10)] IReadOnlyList<string>? PreferredSchemes,
    [Range(3, 5)] int? MinimumOcopStars,
    [Required, Range(1, long.MaxValue)] long? QuantityPerMonth,
    [Required, StringLength(32, MinimumLength = 1)] string? Unit,
    [Range(1, long.MaxValue)] long? MaxUnitPriceVnd,
    [Required] Guid? DeliveryLocationId,
    [Range(1.0, 2000.0)] double? MaxDistanceKm,
    [MaxLength(6)] IReadOnlyList<string>? Packaging,
    [Range(0, 365)] int? MaxLeadTimeDays,
    [Required] DateOnly? NeededFrom,
    [Required] DateOnly? ValidUntil,
    MatchWeightsRequest? Weights) : IValidatableObject
{
    public const int MaxKeywordLength = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Category is not null && !ReferenceData.Categories.Contains(Category))
            yield return new ValidationResult("Unknown category; GET /api/catalogue/categories lists them.", [nameof(Category)]);
        if (Keywords is not null && Keywords.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > MaxKeywordLength))
            yield return new ValidationResult($"Keywords are 1 to {MaxKeywordLength} characters each.", [nameof(Keywords)]);
        if (RequiredSchemes is not null && !RequiredSchemes.All(ReferenceData.Schemes.Contains))
            yield return new ValidationResult("Unknown certification scheme; GET /api/catalogue/schemes lists the codes.", [nameof(RequiredSchemes)]);
        if (PreferredSchemes is not null && !PreferredSchemes.All(ReferenceData.Schemes.Contains))
            yield return new ValidationResult("Unknown certification scheme; GET /api/catalogue/schemes lists the codes.", [nameof(PreferredSchemes)]);
        if (RequiredSchemes is not null && PreferredSchemes is not null && RequiredSchemes.Intersect(PreferredSchemes).Any())
            yield return new ValidationResult("A scheme is either required or preferred, not both.", [nameof(PreferredSchemes)]);
        if (Packaging is not null && !Packaging.All(ReferenceData.Packaging.Contains))
            yield return new ValidationResult($"Packaging codes are: {string.Join(", ", ReferenceData.Packaging)}.", [nameof(Packaging)]);
        if (NeededFrom is not null && ValidUntil is not null && ValidUntil <= NeededFrom)
            yield return new ValidationResult("The last valid day must come after the day the goods are needed from.", [nameof(ValidUntil)]);
        if (Weights is { AllZero: true })
            yield return new ValidationResult("At least one weight must be above zero.", [nameof(Weights)]);
    }

    /// <summary>The need's facts, with the delivery place copied from the caller's location (checked by the handler).</summary>
    public NeedDetails ToDetails(DeliveryLocation location) => new(
        Title!.Trim(), LocationsApi.Blank(Description), Category!,
        [.. (Keywords ?? []).Select(k => k.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
        [.. (RequiredSchemes ?? []).Distinct()], [.. (PreferredSchemes ?? []).Distinct()], MinimumOcopStars,
        QuantityPerMonth!.Value, Unit!.Trim(), MaxUnitPriceVnd, location.Id, location.ToDelivery(), MaxDistanceKm,
        [.. (Packaging ?? []).Distinct()], MaxLeadTimeDays, NeededFrom!.Value, ValidUntil!.Value, Weights?.ToWeights() ?? MatchWeights.Default);
}

/// <summary>Query of the caller's own needs; status one of draft, open, closed, expired.</summary>
public sealed record ListMyNeedsQuery(string? Status, string? Page, string? PageSize);

/// <summary>Query of the open needs suppliers browse; q matches title, description and keywords with or without diacritics.</summary>
public sealed record ListOpenNeedsQuery(string? Category, string? Province, string? Q, string? Page, string? PageSize);

public sealed record DeliveryResponse(string Name, string? Address, string? Commune, string District, string Province, double Latitude, double Longitude);

public sealed record WeightsResponse(double TextRelevance, double CertificationStrength, double Sustainability, double Distance, double Price, double LeadTime);

/// <summary>
/// A need as its owner and the programme office see it. Other organisations see open needs without the street address
/// and the location id; shortlists are never part of it.
/// </summary>
public sealed record NeedResponse(
    Guid Id, Guid RetailerId, string? RetailerName, bool RetailerVerified, NeedStatus Status, long Version,
    string Title, string? Description, string Category, IReadOnlyList<string> Keywords,
    IReadOnlyList<string> RequiredSchemes, IReadOnlyList<string> PreferredSchemes, int? MinimumOcopStars,
    long QuantityPerMonth, string Unit, long? MaxUnitPriceVnd, Guid? DeliveryLocationId, DeliveryResponse Delivery, double? MaxDistanceKm,
    IReadOnlyList<string> Packaging, int? MaxLeadTimeDays, DateOnly NeededFrom, DateOnly ValidUntil, WeightsResponse Weights,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt)
{
    public static NeedResponse From(Need n, RetailerProfile? retailer, bool full)
    {
        var (d, w) = (n.Delivery, n.Weights);
        return new NeedResponse(
            n.Id, n.RetailerId, retailer?.PublicName, retailer?.Verified ?? false, n.Status, n.Version,
            n.Title, n.Description, n.Category, n.Keywords, n.RequiredSchemes, n.PreferredSchemes, n.MinimumOcopStars,
            n.QuantityPerMonth, n.Unit, n.MaxUnitPriceVnd, full ? n.DeliveryLocationId : null,
            new DeliveryResponse(d.Name, full ? d.Address : null, d.Commune, d.District, d.Province, d.Latitude, d.Longitude), n.MaxDistanceKm,
            n.Packaging, n.MaxLeadTimeDays, n.NeededFrom, n.ValidUntil,
            new WeightsResponse(w.TextRelevance, w.CertificationStrength, w.Sustainability, w.Distance, w.Price, w.LeadTime),
            n.CreatedAt, n.UpdatedAt, n.OpenedAt, n.ClosedAt);
    }
}
