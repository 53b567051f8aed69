using System.Security.Claims;
using Matchmaking.ContractSigning.Agreements;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.ContractSigning.Apis;

public static partial class AgreementsApi
{
    public static async Task<Created<SignatureResponse>> SignRemotely(Guid id, int version, RemoteSignatureRequest request, ClaimsPrincipal user,
        HttpContext http, [FromServices] SigningService signing, CancellationToken ct)
    {
        var signature = await signing.SignRemotelyAsync(user, http, id, version, request.ActivationToken!, ct);
        return TypedResults.Created($"/api/contracts/agreements/{id}", SignatureResponse.From(signature));
    }

    public static async Task<Created<SignatureResponse>> UploadSignature(Guid id, int version, UploadedSignatureRequest request, ClaimsPrincipal user,
        HttpContext http, [FromServices] SigningService signing, CancellationToken ct)
    {
        var signature = await signing.AcceptUploadedAsync(user, http, id, version, request.Signature!, ct);
        return TypedResults.Created($"/api/contracts/agreements/{id}", SignatureResponse.From(signature));
    }

    public static async Task<Ok<SignatureVerificationResponse>> VerifySignatures(Guid id, ClaimsPrincipal user, [FromServices] AgreementService agreements,
        [FromServices] SignatureReport report, CancellationToken ct) =>
        TypedResults.Ok(await report.ForAgreementAsync(await agreements.FindVisibleAsync(user, id, ct), ct));

    public static async Task<FileContentHttpResult> DownloadEvidence(Guid id, ClaimsPrincipal user, HttpContext http, [FromServices] AgreementService agreements,
        [FromServices] EvidenceService evidence, CancellationToken ct)
    {
        var agreement = await agreements.FindVisibleAsync(user, id, ct);
        // The bundle holds the document, so a party's download is a view; recorded first, so the bundle's trail includes it.
        await agreements.RecordViewAsync(user, http, agreement, agreement.CurrentVersion, "evidence", ct);
        var (zip, fileName) = await evidence.BuildAsync(agreement, ct);
        return TypedResults.File(zip, "application/zip", fileName);
    }
}
