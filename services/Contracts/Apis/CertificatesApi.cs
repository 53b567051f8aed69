using System.Security.Claims;
using Matchmaking.ContractSigning.Certificates;
using Matchmaking.ContractSigning.Signing;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.ContractSigning.Apis;

/// <summary>
/// The caller's organisation's signing certificates: listed by any member, requested, registered and revoked by an owner
/// or signer. Another organisation's certificate is reported as missing. The platform CA's certificate is public.
/// </summary>
public static class CertificatesApi
{
    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts/certificates").WithTags("Certificates").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);

        api.MapGet("/", ListCertificates).WithName("ListCertificates").WithSummary("The organisation's signing certificates, newest first");
        api.MapPost("/", IssueCertificate).WithName("IssueCertificate")
            .WithSummary("Issue the organisation a signing certificate from the platform CA (409 while a usable one exists)").ProducesProblem(409);
        api.MapPost("/external", RegisterExternalCertificate).WithName("RegisterExternalCertificate")
            .WithSummary("Register a licensed provider's certificate naming the organisation's tax code, so that it can be revoked here")
            .ProducesValidationProblem().ProducesProblem(409);
        api.MapPost("/{id:guid}/revoke", RevokeCertificate).WithName("RevokeCertificate")
            .WithSummary("Revoke a certificate: signatures accepted before stay valid, new ones are refused")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/authority", GetAuthority).WithName("GetCertificateAuthority").AllowAnonymous()
            .WithSummary("The platform CA's certificate (PEM)").Produces<string>(200, "application/x-pem-file");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CertificateResponse>>> ListCertificates(ClaimsPrincipal user, [FromServices] CertificateService certificates,
        CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CertificateResponse>>([.. (await certificates.ListAsync(user.RequireOrganisation(), ct)).Select(CertificateResponse.From)]);

    public static async Task<Created<CertificateResponse>> IssueCertificate(ClaimsPrincipal user, [FromServices] CertificateService certificates,
        CancellationToken ct)
    {
        var certificate = await certificates.IssueAsync(user, ct);
        return TypedResults.Created($"/api/contracts/certificates/{certificate.Id}", CertificateResponse.From(certificate));
    }

    public static async Task<Created<CertificateResponse>> RegisterExternalCertificate(RegisterExternalCertificateRequest request, ClaimsPrincipal user,
        [FromServices] CertificateService certificates, CancellationToken ct)
    {
        var certificate = await certificates.RegisterExternalAsync(user, request.CertificatePem!, ct);
        return TypedResults.Created($"/api/contracts/certificates/{certificate.Id}", CertificateResponse.From(certificate));
    }

    public static async Task<Ok<CertificateResponse>> RevokeCertificate(Guid id, RevokeCertificateRequest request, ClaimsPrincipal user,
        [FromServices] CertificateService certificates, CancellationToken ct) =>
        TypedResults.Ok(CertificateResponse.From(await certificates.RevokeAsync(user, id, request.Reason!, ct)));

    public static async Task<ContentHttpResult> GetAuthority([FromServices] PlatformAuthority authority, CancellationToken ct) =>
        TypedResults.Text(CertificateNames.ToPem(await authority.CertificateAsync(ct)), "application/x-pem-file");
}
