using System.Security.Claims;
using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Apis;

public static partial class ProductsApi
{
    public static async Task<Created<ProductResponse>> CreateProduct(ProductRequest request, ClaimsPrincipal user, HttpContext http,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var supplier = await services.EnsureSupplierAsync(user, ct);
        var details = request.ToDetails();
        await CheckReferencesAsync(services, supplier.Id, details, ct);
        var product = Product.Draft(supplier.Id, details, services.Now);
        services.Db.Products.Add(product);
        await services.Db.SaveChangesAsync(ct);
        SetETag(http, product);
        return TypedResults.Created($"/api/catalogue/products/{product.Id}", (await ToResponsesAsync(services, [product], ct))[0]);
    }

    public static async Task<Ok<ProductResponse>> UpdateProduct(Guid id, ProductRequest request, ClaimsPrincipal user, HttpContext http,
        [FromHeader(Name = "If-Match")] string? ifMatch, [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var product = await FindOwnAsync(services, user, id, ct);
        if (ifMatch is not null)
        {
            // Compare against the version the client read, not the one just loaded: the save fails if they differ.
            services.Db.Entry(product).Property(p => p.RowVersion).OriginalValue = ParseETag(ifMatch);
        }
        var details = request.ToDetails();
        await CheckReferencesAsync(services, product.SupplierId, details, ct);
        product.Apply(details, services.Now);
        await ProductEvents.UpdatedAsync(services.Db, [product], services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        SetETag(http, product);
        return TypedResults.Ok((await ToResponsesAsync(services, [product], ct))[0]);
    }

    public static async Task<Ok<ProductResponse>> PublishProduct(Guid id, ClaimsPrincipal user, HttpContext http,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var product = await FindOwnAsync(services, user, id, ct);
        var supplier = await services.EnsureSupplierAsync(user, ct);
        if (supplier.PublicName is null)
            throw new ConflictException("Buyers need a supplier name: set a display name (PUT /api/catalogue/suppliers/me) before publishing.");
        product.Publish(services.Now);
        await ProductEvents.PublishedAsync(services.Db, product, services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        CatalogueLog.ProductStatusChanged(services.Logger, product.Id, product.SupplierId, Kebab.Of(product.Status), product.Version);
        SetETag(http, product);
        return TypedResults.Ok((await ToResponsesAsync(services, [product], ct))[0]);
    }

    public static async Task<Ok<ProductResponse>> WithdrawProduct(Guid id, ClaimsPrincipal user, HttpContext http,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var product = await FindOwnAsync(services, user, id, ct);
        product.Withdraw(services.Now);
        ProductEvents.Withdrawn(services.Db, product, services.Clock);
        await services.Db.SaveChangesAsync(ct);
        CatalogueLog.ProductStatusChanged(services.Logger, product.Id, product.SupplierId, Kebab.Of(product.Status), product.Version);
        SetETag(http, product);
        return TypedResults.Ok((await ToResponsesAsync(services, [product], ct))[0]);
    }

    /// <summary>Another organisation's product is reported as missing, whatever its state.</summary>
    private static async Task<Product> FindOwnAsync(CatalogueServices services, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var supplierId = user.RequireSupplier();
        return await services.Db.Products.Include(p => p.Claims).SingleOrDefaultAsync(p => p.Id == id && p.SupplierId == supplierId, ct)
            ?? throw new NotFoundException("Product", id);
    }

    /// <summary>A product may only name its own organisation's site and certificates.</summary>
    private static async Task CheckReferencesAsync(CatalogueServices services, Guid supplierId, ProductDetails details, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (details.SiteId is { } siteId && !await services.Db.Sites.AnyAsync(s => s.Id == siteId && s.SupplierId == supplierId, ct))
            errors["siteId"] = ["The site must be one of your organisation's production sites."];
        var certificateIds = details.CertificateIds;
        if (certificateIds.Count > 0
            && await services.Db.Certificates.CountAsync(c => certificateIds.Contains(c.Id) && c.SupplierId == supplierId, ct) != certificateIds.Count)
            errors["certificateIds"] = ["Every certificate must be one your organisation holds."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
    }

    private static uint ParseETag(string value)
    {
        var raw = value.Trim();
        if (raw.StartsWith("W/", StringComparison.Ordinal)) raw = raw[2..];
        return uint.TryParse(raw.Trim('"'), out var version)
            ? version
            : throw new DomainValidationException("If-Match", "The If-Match header must be an ETag returned by this API.");
    }
}
