using Matchmaking.ContractSigning.Agreements;
using Matchmaking.ContractSigning.Certificates;
using Matchmaking.ContractSigning.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.ContractSigning.Apis;

/// <summary>
/// Checking without an account: anyone holding a document and a signature learns whether they match, who signed and
/// whether the platform trusts and has not revoked the certificate; the trust anchors are public so the same check can be
/// done with OpenSSL alone.
/// </summary>
public static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts").WithTags("Verification").AllowAnonymous();

        api.MapPost("/verification", VerifyDocument).WithName("VerifyDocumentSignature")
            .WithSummary("Check any document against a CMS detached signature: match, signer, trust, revocation, and which agreement it is")
            .ProducesValidationProblem();
        api.MapGet("/trust-anchors", GetTrustAnchors).WithName("GetTrustAnchors")
            .WithSummary("Every certificate a signature may chain to: the platform CA and the configured licensed providers (PEM)")
            .Produces<string>(200, "application/x-pem-file");
        return app;
    }

    public static async Task<Ok<DocumentVerificationResponse>> VerifyDocument(DocumentVerificationRequest request, [FromServices] SignatureReport report,
        CancellationToken ct)
    {
        var document = Base64.Decode(request.Document!, "document");
        var signature = Base64.Decode(request.Signature!, "signature");
        return TypedResults.Ok(await report.ForDocumentAsync(document, signature, ct));
    }

    public static async Task<ContentHttpResult> GetTrustAnchors([FromServices] TrustStore trust, CancellationToken ct) =>
        TypedResults.Text(await trust.AnchorsPemAsync(ct), "application/x-pem-file");
}
