using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Apis;

public sealed record SchemeResponse(
    string Code, string Name, string? Basis, string? Subject, string? Issuer, IReadOnlyList<string> Levels,
    int? ValidityMonths, IReadOnlyDictionary<string, string> NumberPatterns, string? Notes);

/// <summary>Reference data every client needs to fill in a product or certificate form; public.</summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalogue").WithTags("Reference data").AllowAnonymous();

        api.MapGet("/schemes", ListSchemes).WithName("ListCertificationSchemes")
            .WithSummary("Certification schemes with their levels, usual validity and certificate number formats");
        api.MapGet("/categories", ListCategories).WithName("ListProductCategories")
            .WithSummary("Product categories with Vietnamese and English labels");
        return app;
    }

    public static async Task<Ok<List<SchemeResponse>>> ListSchemes([FromServices] CatalogueServices services, CancellationToken ct)
    {
        var schemes = await services.Db.Schemes.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        return TypedResults.Ok(schemes.Select(s => new SchemeResponse(
            s.Code, s.Name, s.Basis, s.Subject, s.Issuer, s.Levels, s.ValidityMonths, s.NumberPatterns, s.Notes)).ToList());
    }

    public static Ok<IReadOnlyList<ProductCategory>> ListCategories() => TypedResults.Ok(ProductCategories.All);
}
