using System.Security.Claims;
using Matchmaking.ContractSigning.Agreements;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.ContractSigning.Apis;

/// <summary>
/// Cooperation agreements. The two parties' members read; owners, admins and signers amend, send and terminate; owners and
/// signers sign. The programme office reads every agreement and changes none (403); any other organisation gets 404.
/// Writes are in AgreementsApi.Commands.cs, signatures and evidence in AgreementsApi.Signatures.cs, the audit trail in
/// AgreementsApi.Audit.cs.
/// </summary>
public static partial class AgreementsApi
{
    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts/agreements").WithTags("Agreements").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);

        api.MapGet("/", ListAgreements).WithName("ListAgreements")
            .WithSummary("The caller's agreements (the programme office: all), newest first, by status or partnership").ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetAgreement).WithName("GetAgreement")
            .WithSummary("An agreement with its current terms, versions and the signatures that count").ProducesProblem(404);
        api.MapGet("/{id:guid}/versions/{version:int}", GetVersion).WithName("GetAgreementVersion")
            .WithSummary("One version's terms and the SHA-256 of its PDF").ProducesProblem(404);
        api.MapGet("/{id:guid}/versions/{version:int}/document", DownloadDocument).WithName("DownloadAgreementDocument")
            .WithSummary("One version's PDF: the exact bytes that are signed").Produces(200, contentType: "application/pdf").ProducesProblem(404);
        api.MapPost("/{id:guid}/versions", AmendAgreement).WithName("AmendAgreement")
            .WithSummary("A party proposes new terms as a new version; signatures on older versions stop counting")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/send-for-signature", SendForSignature).WithName("SendAgreementForSignature")
            .WithSummary("Send the current version to both parties for signature, with a deadline")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/versions/{version:int}/signatures/remote", SignRemotely).WithName("SignAgreementRemotely")
            .WithSummary("Sign with the organisation's platform certificate, confirmed by a signature activation token")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/versions/{version:int}/signatures/uploaded", UploadSignature).WithName("UploadAgreementSignature")
            .WithSummary("Submit a CMS detached signature made with a licensed provider's certificate")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:guid}/terminate", TerminateAgreement).WithName("TerminateAgreement")
            .WithSummary("End an active agreement, effective after the notice period").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/{id:guid}/signatures/verification", VerifySignatures).WithName("VerifyAgreementSignatures")
            .WithSummary("Recheck every signature against the stored PDFs, trust anchors and revocations").ProducesProblem(404);
        api.MapGet("/{id:guid}/evidence", DownloadEvidence).WithName("DownloadAgreementEvidence")
            .WithSummary("A zip of the current version's PDF, signatures, trust anchors and audit trail, checkable with OpenSSL")
            .Produces(200, contentType: "application/zip").ProducesProblem(404);
        api.MapGet("/{id:guid}/audit", GetAuditTrail).WithName("GetAgreementAuditTrail")
            .WithSummary("Every step of the agreement, hash-chained, oldest first").ProducesProblem(404);
        api.MapGet("/{id:guid}/audit/verification", VerifyAuditTrail).WithName("VerifyAgreementAuditTrail")
            .WithSummary("Recompute the audit chain and report the first broken link").ProducesProblem(404);
        return app;
    }

    public static async Task<Ok<PagedResponse<AgreementSummaryResponse>>> ListAgreements([AsParameters] ListAgreementsQuery query, ClaimsPrincipal user,
        [FromServices] ContractsDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var status = AgreementStatuses.Parse(query.Status);
        if (query.Status is not null && status is null) errors["status"] = [$"The status is one of {string.Join(", ", AgreementStatuses.All)}."];
        Guid? partnershipId = null;
        if (query.PartnershipId is not null)
        {
            if (Guid.TryParse(query.PartnershipId, out var parsed)) partnershipId = parsed;
            else errors["partnershipId"] = ["The partnership id is a GUID."];
        }
        var (page, pageSize) = Paging.Check(query.Page, query.PageSize, errors);
        var organisationId = user.RequireOrganisation();

        var agreements = db.Agreements.AsNoTracking();
        if (!user.IsProgrammeOffice()) agreements = agreements.Where(a => a.BuyerId == organisationId || a.SupplierId == organisationId);
        if (status is { } s) agreements = agreements.Where(a => a.Status == s);
        if (partnershipId is { } p) agreements = agreements.Where(a => a.PartnershipId == p);
        var total = await agreements.LongCountAsync(ct);
        var items = await agreements.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResponse<AgreementSummaryResponse>([.. items.Select(AgreementSummaryResponse.From)], page, pageSize, total));
    }

    public static async Task<Ok<AgreementResponse>> GetAgreement(Guid id, ClaimsPrincipal user, HttpContext http, [FromServices] AgreementService agreements,
        [FromServices] ContractsDbContext db, CancellationToken ct)
    {
        var agreement = await agreements.FindVisibleAsync(user, id, ct);
        var versions = await db.Versions.AsNoTracking().Where(v => v.AgreementId == id).OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.CreatedAt, v.CreatedByOrganisationId, v.BasedOnVersion, v.DocumentSha256 }).ToListAsync(ct);
        var current = versions.Single(v => v.Version == agreement.CurrentVersion);
        var terms = await TermsAsync(db, id, agreement.CurrentVersion, ct);
        var signatures = await db.Signatures.AsNoTracking().Where(s => s.AgreementId == id && s.Version == agreement.CurrentVersion)
            .OrderBy(s => s.AcceptedAt).ToListAsync(ct);
        await agreements.RecordViewAsync(user, http, agreement, agreement.CurrentVersion, "agreement", ct);

        return TypedResults.Ok(new AgreementResponse(agreement.Id, agreement.Number, agreement.Status, agreement.PartnershipId, terms.Buyer, terms.Supplier,
            agreement.SideOf(user.RequireOrganisation()),
            new VersionResponse(current.Version, current.CreatedAt, current.CreatedByOrganisationId, current.BasedOnVersion, current.DocumentSha256, terms),
            [.. versions.Select(v => new VersionSummaryResponse(v.Version, v.CreatedAt, v.DocumentSha256))], agreement.SigningDeadline,
            [.. signatures.Select(SignatureResponse.From)], agreement.ActivatedAt,
            agreement.TerminatedBy is { } by ? new TerminationResponse(by, agreement.TerminationReason!, agreement.TerminationEffectiveOn!.Value) : null,
            agreement.ExpiredAt, agreement.ExpiryReason));
    }

    public static async Task<Ok<VersionResponse>> GetVersion(Guid id, int version, ClaimsPrincipal user, HttpContext http,
        [FromServices] AgreementService agreements, [FromServices] ContractsDbContext db, CancellationToken ct)
    {
        var agreement = await agreements.FindVisibleAsync(user, id, ct);
        var found = await db.Versions.AsNoTracking().Where(v => v.AgreementId == id && v.Version == version)
            .Select(v => new VersionResponse(v.Version, v.CreatedAt, v.CreatedByOrganisationId, v.BasedOnVersion, v.DocumentSha256, v.Terms))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agreement version", $"{id}:v{version}");
        await agreements.RecordViewAsync(user, http, agreement, version, "version", ct);
        return TypedResults.Ok(found);
    }

    /// <summary>The stored bytes, never re-rendered: their SHA-256 is the version's documentSha256 and is what was signed.</summary>
    public static async Task<FileContentHttpResult> DownloadDocument(Guid id, int version, ClaimsPrincipal user, HttpContext http,
        [FromServices] AgreementService agreements, [FromServices] ContractsDbContext db, CancellationToken ct)
    {
        var agreement = await agreements.FindVisibleAsync(user, id, ct);
        var found = await db.Versions.AsNoTracking().Where(v => v.AgreementId == id && v.Version == version)
            .Select(v => new { v.Document, v.DocumentSha256 }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agreement version", $"{id}:v{version}");
        await agreements.RecordViewAsync(user, http, agreement, version, "document", ct);
        http.Response.Headers.ETag = $"\"{found.DocumentSha256}\"";
        return TypedResults.File(found.Document, "application/pdf", $"{agreement.Number}-v{version}.pdf");
    }

    private static Task<AgreementTerms> TermsAsync(ContractsDbContext db, Guid id, int version, CancellationToken ct) =>
        db.Versions.AsNoTracking().Where(v => v.AgreementId == id && v.Version == version).Select(v => v.Terms).SingleAsync(ct);
}
