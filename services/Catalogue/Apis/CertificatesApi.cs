using System.Security.Claims;
using Matchmaking.Catalogue.Model;
using Matchmaking.Catalogue.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Apis;

/// <summary>Certificates an organisation holds, kept apart from the product claims that cite them.</summary>
public static class CertificatesApi
{
    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalogue/certificates").WithTags("Certificates").RequireAuthorization()
            .ProducesProblem(401).ProducesProblem(403);

        api.MapPost("/", CreateCertificate).WithName("CreateCertificate")
            .WithSummary("Register a certificate: number checked against the scheme's format, level against its levels").ProducesValidationProblem();
        api.MapGet("/", ListMyCertificates).WithName("ListMyCertificates").WithSummary("The caller's certificates");
        api.MapGet("/{id:guid}", GetCertificate).WithName("GetCertificate")
            .WithSummary("A certificate, to its holder or the programme office").ProducesProblem(404);
        api.MapPost("/{id:guid}/verification", VerifyCertificate).WithName("VerifyCertificate")
            .WithSummary("Programme office: record a document check or a registry verification").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/status", ChangeCertificateStatus).WithName("ChangeCertificateStatus")
            .WithSummary("Holder: suspend, reinstate or withdraw a certificate").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    public static async Task<Created<CertificateResponse>> CreateCertificate(CreateCertificateRequest request, ClaimsPrincipal user,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var supplier = await services.EnsureSupplierAsync(user, ct);
        var db = services.Db;
        var (number, level, scope) = (request.Number!.Trim(), SitesApi.Blank(request.Level), request.Scope!);
        var errors = new Dictionary<string, string[]>();

        var scheme = await db.Schemes.AsNoTracking().SingleOrDefaultAsync(s => s.Code == request.SchemeCode, ct);
        if (scheme is null)
            errors["schemeCode"] = ["Unknown certification scheme; GET /api/catalogue/schemes lists the known codes."];
        else
        {
            if (!scheme.AcceptsNumber(number))
                errors["number"] = [$"The number does not have the {scheme.Code} format ({string.Join(" or ", scheme.NumberPatterns.Keys)})."];
            if (!scheme.AcceptsLevel(level))
                errors["level"] = [scheme.Levels.Count == 0 ? $"{scheme.Code} has no levels." : $"The level must be one of: {string.Join(", ", scheme.Levels)}."];
            if (scheme.ValidityMonths is { } months && request.ValidUntil is null)
                errors["validUntil"] = [$"{scheme.Code} certificates are valid for {months} months; give the last valid day."];
            else if (scheme.ValidityMonths is { } max && request.ValidUntil > request.ValidFrom!.Value.AddMonths(max))
                errors["validUntil"] = [$"{scheme.Code} certificates are valid for at most {max} months."];
        }

        var siteIds = scope.Kind == CertificateScopeKind.Sites ? scope.SiteIds!.Distinct().ToList() : [];
        var productIds = scope.Kind == CertificateScopeKind.Products ? scope.ProductIds!.Distinct().ToList() : [];
        if (siteIds.Count > 0 && await db.Sites.CountAsync(s => siteIds.Contains(s.Id) && s.SupplierId == supplier.Id, ct) != siteIds.Count)
            errors["scope.siteIds"] = ["Every site must be one of your organisation's sites."];
        if (productIds.Count > 0 && await db.Products.CountAsync(p => productIds.Contains(p.Id) && p.SupplierId == supplier.Id, ct) != productIds.Count)
            errors["scope.productIds"] = ["Every product must be one of your organisation's products."];
        if (errors.Count > 0) throw new DomainValidationException(errors);

        var certificate = new Certificate
        {
            Id = Guid.CreateVersion7(),
            SupplierId = supplier.Id,
            SchemeCode = scheme!.Code,
            Number = number,
            Issuer = request.Issuer!.Trim(),
            Level = level,
            IssuedOn = request.IssuedOn,
            ValidFrom = request.ValidFrom!.Value,
            ValidUntil = request.ValidUntil,
            EvidenceSha256 = request.EvidenceSha256!.ToLowerInvariant(),
            ScopeKind = scope.Kind!.Value,
            ScopeSiteIds = siteIds,
            ScopeProductIds = productIds,
            CreatedAt = services.Now,
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        CatalogueLog.CertificateRegistered(services.Logger, certificate.Id, supplier.Id, certificate.SchemeCode);
        return TypedResults.Created($"/api/catalogue/certificates/{certificate.Id}", CertificateResponse.From(certificate));
    }

    public static async Task<Ok<List<CertificateResponse>>> ListMyCertificates(ClaimsPrincipal user, [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var supplierId = user.RequireSupplier();
        var certificates = await services.Db.Certificates.AsNoTracking().Where(c => c.SupplierId == supplierId)
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(certificates.Select(CertificateResponse.From).ToList());
    }

    public static async Task<Ok<CertificateResponse>> GetCertificate(Guid id, ClaimsPrincipal user, [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var certificate = await services.Db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        // Holders and the programme office see certificates; anyone else learns nothing, not even that it exists.
        if (certificate is null || (certificate.SupplierId != user.OrganisationIdOf() && !user.IsProgrammeOffice()))
            throw new NotFoundException("Certificate", id);
        return TypedResults.Ok(CertificateResponse.From(certificate));
    }

    public static async Task<Ok<CertificateResponse>> VerifyCertificate(Guid id, VerifyCertificateRequest request, ClaimsPrincipal user,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var officeId = user.RequireOrganisation();
        if (!user.IsProgrammeOffice()) throw new ForbiddenException("Only the programme office verifies certificates.");
        var certificate = await services.Db.Certificates.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Certificate", id);
        certificate.Verify(request.State!.Value, SitesApi.Blank(request.RegistryReference), user.UserIdOf(), officeId, services.Now);
        // Buyers weigh registry-verified above self-declared, so listings citing it carry the new state.
        await ProductEvents.RepublishAsync(services.Db, services.Db.Claiming(id), services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        CatalogueLog.CertificateVerified(services.Logger, id, Kebab.Of(certificate.Verification), officeId);
        return TypedResults.Ok(CertificateResponse.From(certificate));
    }

    public static async Task<Ok<CertificateResponse>> ChangeCertificateStatus(Guid id, ChangeCertificateStatusRequest request, ClaimsPrincipal user,
        [FromServices] CatalogueServices services, CancellationToken ct)
    {
        var supplierId = user.RequireSupplier();
        var certificate = await services.Db.Certificates.SingleOrDefaultAsync(c => c.Id == id && c.SupplierId == supplierId, ct)
            ?? throw new NotFoundException("Certificate", id);
        certificate.ChangeStatus(request.Status!.Value, services.Now);
        var republished = await ProductEvents.RepublishAsync(services.Db, services.Db.Claiming(id), services.Clock, ct);
        await services.Db.SaveChangesAsync(ct);
        CatalogueLog.CertificateStatusChanged(services.Logger, id, Kebab.Of(certificate.Status), republished.Count);
        return TypedResults.Ok(CertificateResponse.From(certificate));
    }
}
