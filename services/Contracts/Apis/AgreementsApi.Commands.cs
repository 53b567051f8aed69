using System.Security.Claims;
using Matchmaking.ContractSigning.Agreements;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.ContractSigning.Apis;

public static partial class AgreementsApi
{
    public static async Task<Created<VersionResponse>> AmendAgreement(Guid id, AmendAgreementRequest request, ClaimsPrincipal user, HttpContext http,
        [FromServices] AgreementService agreements, CancellationToken ct)
    {
        var v = await agreements.AmendAsync(user, http, id, request, ct);
        return TypedResults.Created($"/api/contracts/agreements/{id}/versions/{v.Version}",
            new VersionResponse(v.Version, v.CreatedAt, v.CreatedByOrganisationId, v.BasedOnVersion, v.DocumentSha256, v.Terms));
    }

    public static async Task<Ok<AgreementSummaryResponse>> SendForSignature(Guid id, SendForSignatureRequest request, ClaimsPrincipal user, HttpContext http,
        [FromServices] AgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(AgreementSummaryResponse.From(await agreements.SendForSignatureAsync(user, http, id, request.Version!.Value, ct)));

    public static async Task<Ok<AgreementSummaryResponse>> TerminateAgreement(Guid id, TerminateAgreementRequest request, ClaimsPrincipal user,
        HttpContext http, [FromServices] AgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(AgreementSummaryResponse.From(await agreements.TerminateAsync(user, http, id, request.Reason!, ct)));
}
