using System.Security.Claims;
using Matchmaking.Identity.Model;
using Matchmaking.Identity.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.Identity.Apis;

/// <summary>
/// Signature activation: an owner or signer re-enters their password for one exact document and gets a five-minute
/// token the contract service requires before it signs with the organisation's key. A wrong password counts towards
/// lockout like a wrong sign-in, so the endpoint cannot be used to guess passwords.
/// </summary>
public static class SignatureActivationApi
{
    public const string WrongPassword = "Mật khẩu không đúng. / The password is wrong.";
    public const string LockedOut = "Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. / Too many wrong passwords: the account is locked for a while.";
    public const string NotAllowed = "Tài khoản không thể đăng nhập. / The account may not sign in.";

    public static IEndpointRouteBuilder MapSignatureActivationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/identity/signature-activations", Activate).WithName("ActivateSignature").WithTags("Signature activation")
            .RequireAuthorization()
            .WithSummary("Owner or signer: re-enter the password for one document (its SHA-256) and get a short-lived signature activation token")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    public static async Task<Results<Ok<SignatureActivationResponse>, ValidationProblem>> Activate(SignatureActivationRequest request,
        ClaimsPrincipal user, HttpContext http, [FromServices] IdentityServices services, [FromServices] SignInManager<ApplicationUser> signIn,
        [FromServices] SignatureActivationIssuer issuer, CancellationToken ct)
    {
        var organisationId = user.RequireOrganisation();
        // The token's role first (a client's "service" role included), then the membership as it is now, so a signer
        // demoted or removed since signing in is refused at once.
        if (user.FindFirstValue(PlatformClaims.Role) is not (OrganisationRoles.Owner or OrganisationRoles.Signer)
            || IdentityServices.UserIdOf(user) is not { } userId)
            throw new ForbiddenException("Only an owner or signer of the organisation may sign for it.");
        var membership = await services.MembershipOfAsync(user, organisationId, ct);
        var person = membership?.Role is OrganisationRoles.Owner or OrganisationRoles.Signer ? await signIn.UserManager.FindByIdAsync(userId.ToString()) : null;
        if (membership is null || person is null) throw new ForbiddenException("Only an owner or signer of the organisation may sign for it.");

        var check = await signIn.CheckPasswordSignInAsync(person, request.Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            var (reason, message) = check.IsLockedOut ? ("locked out", LockedOut) : check.IsNotAllowed ? ("not allowed", NotAllowed) : ("wrong password", WrongPassword);
            services.Logger.SignatureActivationRefused(userId, organisationId, reason);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [message] }, title: message);
        }

        var issued = issuer.Issue(person, membership, request.DocumentSha256!.ToLowerInvariant(), request.Reference!, http.Request);
        services.Logger.SignatureActivationIssued(userId, organisationId, issued.TokenId);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new SignatureActivationResponse(issued.Token, issued.ExpiresAt));
    }
}
