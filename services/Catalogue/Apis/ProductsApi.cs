using System.Security.Claims;
using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Apis;

/// <summary>
/// Green products. Published products are public; drafts and withdrawn products exist only for their owner
/// (anyone else gets 404). Writes are in ProductsApi.Commands.cs.
/// </summary>
public static partial class ProductsApi
{
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalogue/products").WithTags("Products");
        var owner = api.MapGroup("").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);

        api.MapGet("/", ListProducts).WithName("ListProducts").AllowAnonymous()
            .WithSummary("Published products, newest first, optionally by supplier, category or packaging").ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetProduct).WithName("GetProduct").AllowAnonymous()
            .WithSummary("A product with its computed certification badges; drafts only to their owner").ProducesProblem(404);
        owner.MapGet("/mine", ListMyProducts).WithName("ListMyProducts").WithSummary("The caller's products in every state");
        owner.MapPost("/", CreateProduct).WithName("CreateProduct").WithSummary("Create a draft product").ProducesValidationProblem();
        owner.MapPut("/{id:guid}", UpdateProduct).WithName("UpdateProduct")
            .WithSummary("Edit a product; honours If-Match; a published product is re-announced with a new version")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        owner.MapPost("/{id:guid}/publish", PublishProduct).WithName("PublishProduct")
            .WithSummary("Publish a draft or withdrawn product (needs a site and a price tier)").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        owner.MapPost("/{id:guid}/withdraw", WithdrawProduct).WithName("WithdrawProduct")
            .WithSummary("Stop offering a published product").ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static async Task<Ok<PagedResponse<ProductResponse>>> ListProducts([AsParameters] ListProductsQuery query,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var (page, pageSize) = (query.Page ?? 1, query.PageSize ?? 20);
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["page"] = ["The page starts at 1."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"The page size is between 1 and {MaxPageSize}."];
        if (query.Category is not null && !ProductCategories.IsKnown(query.Category)) errors["category"] = ["Unknown category."];
        Packaging? packaging = null;
        if (query.Packaging is not null)
        {
            packaging = Enum.GetValues<Packaging>().Cast<Packaging?>().FirstOrDefault(p => Kebab.Of(p!.Value) == query.Packaging);
            if (packaging is null) errors["packaging"] = ["Unknown packaging type."];
        }
        if (errors.Count > 0) throw new DomainValidationException(errors);

        var products = services.Db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.Published);
        if (query.SupplierId is { } supplierId) products = products.Where(p => p.SupplierId == supplierId);
        if (query.Category is not null) products = products.Where(p => p.Category == query.Category);
        if (packaging is not null) products = products.Where(p => p.Packaging == packaging);

        var total = await products.LongCountAsync(ct);
        var items = await products.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Include(p => p.Claims).ToListAsync(ct);
        return TypedResults.Ok(new PagedResponse<ProductResponse>(await ToResponsesAsync(services, items, ct), page, pageSize, total));
    }

    public static async Task<Ok<ProductResponse>> GetProduct(Guid id, ClaimsPrincipal user, HttpContext http,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var product = await services.Db.Products.AsNoTracking().Include(p => p.Claims).SingleOrDefaultAsync(p => p.Id == id, ct);
        var isOwner = product is not null && product.SupplierId == user.OrganisationIdOf();
        if (product is null || (!product.IsPublished && !isOwner)) throw new NotFoundException("Product", id);
        if (isOwner) SetETag(http, product);
        return TypedResults.Ok((await ToResponsesAsync(services, [product], ct))[0]);
    }

    public static async Task<Ok<List<ProductResponse>>> ListMyProducts(ClaimsPrincipal user, [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var supplierId = user.RequireSupplier();
        var products = await services.Db.Products.AsNoTracking().Include(p => p.Claims)
            .Where(p => p.SupplierId == supplierId).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(await ToResponsesAsync(services, products, ct));
    }

    private static async Task<List<ProductResponse>> ToResponsesAsync(CatalogueServices services, IReadOnlyCollection<Product> products, CancellationToken ct)
    {
        var today = services.Today;
        return [.. (await ProductViews.LoadAsync(services.Db, products, ct)).Select(v => ProductResponse.From(v, today))];
    }

    /// <summary>The row version (xmin) as an ETag, so an edit can say which state it was based on.</summary>
    private static void SetETag(HttpContext http, Product product) => http.Response.Headers.ETag = $"\"{product.RowVersion}\"";
}
