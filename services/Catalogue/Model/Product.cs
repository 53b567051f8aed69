using Matchmaking.ServiceDefaults;

namespace Matchmaking.Catalogue.Model;

public enum ProductStatus { Draft, Published, Withdrawn }

/// <summary>How the product reaches the shelf; the programme tracks the share of plastic-free packaging.</summary>
public enum Packaging { PlasticFree, Biodegradable, Compostable, Recycled, Reusable, Conventional }

/// <summary>Wholesale price from a quantity up, in whole VND.</summary>
public sealed record PriceTier(long MinQuantity, long UnitPriceVnd);

/// <summary>A product citing a certificate. Whether the citation earns a badge is computed, never stored.</summary>
public sealed class ProductClaim
{
    public Guid ProductId { get; init; }
    public Guid CertificateId { get; init; }
}

/// <summary>The editable facts of a product, as one unit so create and edit apply them the same way.</summary>
public sealed record ProductDetails(
    string NameVi, string? NameEn, string DescriptionVi, string? DescriptionEn, string Category, string Unit,
    IReadOnlyList<PriceTier> PriceTiers, long MinimumOrderQuantity, long MonthlyCapacity, int LeadTimeDays,
    Packaging Packaging, string? TraceabilityCode, IReadOnlyList<string> ImageUrls, Guid? SiteId, IReadOnlyList<Guid> CertificateIds);

/// <summary>A green product. Lifecycle: draft, then published, then withdrawn (and may be published again).</summary>
public sealed class Product
{
    public Guid Id { get; init; }
    public Guid SupplierId { get; init; }
    public Guid? SiteId { get; private set; }
    public string NameVi { get; private set; } = "";
    public string? NameEn { get; private set; }
    public string DescriptionVi { get; private set; } = "";
    public string? DescriptionEn { get; private set; }
    public string Category { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public List<PriceTier> PriceTiers { get; private set; } = [];
    public long MinimumOrderQuantity { get; private set; }
    public long MonthlyCapacity { get; private set; }
    public int LeadTimeDays { get; private set; }
    public Packaging Packaging { get; private set; }
    public string? TraceabilityCode { get; private set; }
    public List<string> ImageUrls { get; private set; } = [];
    public List<ProductClaim> Claims { get; private set; } = [];
    public ProductStatus Status { get; private set; } = ProductStatus.Draft;
    /// <summary>Bumped on every change; events carry it so consumers can drop out-of-order deliveries.</summary>
    public long Version { get; private set; }
    /// <summary>PostgreSQL xmin: guards against two edits based on the same read.</summary>
    public uint RowVersion { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public bool IsPublished => Status == ProductStatus.Published;

    public static Product Draft(Guid supplierId, ProductDetails details, DateTimeOffset now)
    {
        var product = new Product { Id = Guid.CreateVersion7(), SupplierId = supplierId, CreatedAt = now };
        product.Apply(details, now);
        return product;
    }

    public void Apply(ProductDetails d, DateTimeOffset now)
    {
        (NameVi, NameEn, DescriptionVi, DescriptionEn, Category, Unit) = (d.NameVi, d.NameEn, d.DescriptionVi, d.DescriptionEn, d.Category, d.Unit);
        PriceTiers = [.. d.PriceTiers];
        (MinimumOrderQuantity, MonthlyCapacity, LeadTimeDays, Packaging) = (d.MinimumOrderQuantity, d.MonthlyCapacity, d.LeadTimeDays, d.Packaging);
        TraceabilityCode = d.TraceabilityCode;
        ImageUrls = [.. d.ImageUrls];
        SiteId = d.SiteId;
        var wanted = d.CertificateIds.ToHashSet();
        Claims.RemoveAll(c => !wanted.Contains(c.CertificateId));
        foreach (var id in wanted.Where(id => Claims.All(c => c.CertificateId != id)))
            Claims.Add(new ProductClaim { ProductId = Id, CertificateId = id });
        Touch(now);
    }

    /// <summary>Buyers only see complete offers: a site to locate it and at least one price.</summary>
    public void Publish(DateTimeOffset now)
    {
        if (Status == ProductStatus.Published) throw new ConflictException("The product is already published.");
        var errors = new Dictionary<string, string[]>();
        if (PriceTiers.Count == 0) errors["priceTiers"] = ["A product needs at least one price tier before it is published."];
        if (SiteId is null) errors["siteId"] = ["A product needs a production site before it is published."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        Status = ProductStatus.Published;
        PublishedAt = now;
        Touch(now);
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (Status != ProductStatus.Published) throw new ConflictException("Only a published product can be withdrawn.");
        Status = ProductStatus.Withdrawn;
        Touch(now);
    }

    /// <summary>Something the snapshot shows changed outside the product (a certificate, the supplier).</summary>
    public void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
