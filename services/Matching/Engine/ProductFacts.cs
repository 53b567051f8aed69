using System.Globalization;
using Matchmaking.Contracts.Catalogue;

namespace Matchmaking.Matching.Engine;

/// <summary>
/// A certificate that can count for the product: its status is active and its scope covers the product (certificates
/// that are suspended, withdrawn, expired or out of scope never reach the facts). Whether it counts is its dates on the day.
/// </summary>
public readonly record struct CertificateFacts(string Scheme, string? Level, DateOnly ValidFrom, DateOnly? ValidUntil, string Verification)
{
    public bool CountsOn(DateOnly day) => ValidFrom <= day && (ValidUntil is null || day <= ValidUntil);

    public int? OcopStars => Scheme == Schemes.Ocop ? Schemes.Stars(Level) : null;

    /// <summary>Registry-verified over document-checked over self-declared.</summary>
    public double Strength => Verification switch
    {
        "registry-verified" => 1.0,
        "document-checked" => 0.7,
        _ => 0.4,
    };

    /// <summary>
    /// The read model's compact form, "SCHEME|level|from|until|verification" (until empty when open-ended): one array
    /// element per certificate keeps the rows a candidate scan reads narrow.
    /// </summary>
    public string Encode() =>
        string.Join('|', Scheme, (Level ?? "").Replace('|', '/'), ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Verification);

    public static CertificateFacts Decode(string encoded)
    {
        var f = encoded.Split('|');
        return new CertificateFacts(f[0], f[1].Length == 0 ? null : f[1], DateOnly.ParseExact(f[2], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            f[3].Length == 0 ? null : DateOnly.ParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[4]);
    }
}

public static class Schemes
{
    public const string Ocop = "OCOP";

    /// <summary>OCOP stars from a level such as "4", "4 sao" or "4-star".</summary>
    public static int? Stars(string? level) =>
        level?.FirstOrDefault(char.IsAsciiDigit) is { } digit and >= '1' and <= '5' ? digit - '0' : null;
}

/// <summary>What matching knows of a product: the hard-filter facts and what scoring reads. Built from a catalogue snapshot or a read-model row.</summary>
public sealed class ProductFacts
{
    public required Guid ProductId { get; init; }
    public required Guid SupplierId { get; init; }
    public required long Version { get; init; }
    public required string Category { get; init; }
    public required string UnitKey { get; init; }
    public required long MonthlyCapacity { get; init; }
    public required long MinimumOrderQuantity { get; init; }
    /// <summary>Price tiers in ascending order of minimum quantity: minimum quantities and unit prices, index by index.</summary>
    public required long[] TierMin { get; init; }
    public required long[] TierPrice { get; init; }

    /// <summary>The tiers as the read model stores them: one array of (minimum quantity, unit price) pairs.</summary>
    public long[] EncodeTiers()
    {
        var pairs = new long[TierMin.Length * 2];
        for (var i = 0; i < TierMin.Length; i++) (pairs[2 * i], pairs[2 * i + 1]) = (TierMin[i], TierPrice[i]);
        return pairs;
    }
    public required int LeadTimeDays { get; init; }
    public required string Packaging { get; init; }
    public required bool SupplierVerified { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public required CertificateFacts[] Certificates { get; init; }

    /// <summary>The tier with the largest minimum quantity at or below <paramref name="quantity"/>; below every tier, the first.</summary>
    public long UnitPriceAt(long quantity)
    {
        if (TierPrice.Length == 0) return long.MaxValue;
        var price = TierPrice[0];
        for (var i = 0; i < TierMin.Length && TierMin[i] <= quantity; i++) price = TierPrice[i];
        return price;
    }

    public long LowestPrice => TierPrice.Length == 0 ? long.MaxValue : TierPrice.Min();

    /// <summary>Scheme codes held through a certificate that counts on <paramref name="day"/>.</summary>
    public string[] SchemesOn(DateOnly day) => [.. Certificates.Where(c => c.CountsOn(day)).Select(c => c.Scheme).Distinct()];

    public bool HoldsOn(string scheme, DateOnly day)
    {
        foreach (var c in Certificates)
            if (c.Scheme == scheme && c.CountsOn(day)) return true;
        return false;
    }

    public int? OcopStarsOn(DateOnly day)
    {
        int? best = null;
        foreach (var c in Certificates)
            if (c.CountsOn(day) && c.OcopStars is { } stars && (best is null || stars > best)) best = stars;
        return best;
    }

    /// <summary>The strongest verification among the certificates counting on <paramref name="day"/>; 0 when none counts.</summary>
    public double StrengthOn(DateOnly day)
    {
        var best = 0.0;
        foreach (var c in Certificates)
            if (c.CountsOn(day) && c.Strength > best) best = c.Strength;
        return best;
    }

    /// <summary>
    /// The first day after <paramref name="day"/> on which one of the certificates starts or stops counting: the product is
    /// matched again then, so a lapsed certificate demotes its matches even when no event says so.
    /// </summary>
    public DateOnly? NextValidityChangeAfter(DateOnly day)
    {
        DateOnly? next = null;
        foreach (var c in Certificates)
        {
            if (c.ValidFrom > day && (next is null || c.ValidFrom < next)) next = c.ValidFrom;
            if (c.ValidUntil is { } until && until < DateOnly.MaxValue && until.AddDays(1) > day && (next is null || until.AddDays(1) < next))
                next = until.AddDays(1);
        }
        return next;
    }

    public static ProductFacts From(ProductSnapshot p, long version)
    {
        var tiers = p.PriceTiers.OrderBy(t => t.MinQuantity).ToList();
        return new ProductFacts
        {
            ProductId = p.ProductId,
            SupplierId = p.SupplierId,
            Version = version,
            Category = p.Category,
            UnitKey = Units.Key(p.Unit),
            MonthlyCapacity = p.MonthlyCapacity,
            MinimumOrderQuantity = p.MinimumOrderQuantity,
            TierMin = [.. tiers.Select(t => t.MinQuantity)],
            TierPrice = [.. tiers.Select(t => t.UnitPriceVnd)],
            LeadTimeDays = p.LeadTimeDays,
            Packaging = p.Packaging,
            SupplierVerified = p.SupplierVerified,
            Latitude = p.Site.Latitude,
            Longitude = p.Site.Longitude,
            // An older publisher sends no scope (null): the catalogue only cites certificates that cover the product.
            Certificates = [.. p.Certifications.Where(c => c.Status == "active" && c.CoversProduct != false)
                .Select(c => new CertificateFacts(c.SchemeCode, c.Level, c.ValidFrom, c.ValidUntil, c.VerificationState))],
        };
    }
}
