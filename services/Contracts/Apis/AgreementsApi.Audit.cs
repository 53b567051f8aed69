using System.Security.Claims;
using Matchmaking.ContractSigning.Agreements;
using Matchmaking.ContractSigning.Audit;
using Matchmaking.ContractSigning.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.ContractSigning.Apis;

public static partial class AgreementsApi
{
    public static async Task<Ok<AuditTrailResponse>> GetAuditTrail(Guid id, ClaimsPrincipal user, [FromServices] AgreementService agreements,
        [FromServices] AuditTrail audit, CancellationToken ct)
    {
        var agreement = await agreements.FindVisibleAsync(user, id, ct);
        var entries = await audit.EntriesAsync(id, ct);
        return TypedResults.Ok(new AuditTrailResponse(agreement.Id, agreement.Number, [.. entries.Select(AuditEntryResponse.From)]));
    }

    public static async Task<Ok<AuditVerificationResponse>> VerifyAuditTrail(Guid id, ClaimsPrincipal user, [FromServices] AgreementService agreements,
        [FromServices] AuditTrail audit, [FromServices] ILogger<AuditTrail> logger, CancellationToken ct)
    {
        await agreements.FindVisibleAsync(user, id, ct);
        var verification = await audit.VerifyAsync(id, ct);
        if (verification.FirstBrokenLink is { } broken) ContractsLog.AuditChainBroken(logger, id, broken.Sequence);
        return TypedResults.Ok(AuditVerificationResponse.From(verification));
    }
}
