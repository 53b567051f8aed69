using Matchmaking.Identity.Model;
using Matchmaking.Identity.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.Identity.Apis;

/// <summary>The form posted by the login page; checked by hand, since a failure is shown on the page, not as a problem response.</summary>
public sealed record LoginForm(string? Email, string? Password, string? ReturnUrl);

/// <summary>The one page a person sees on the identity service: sign in, then back to the authorization endpoint.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/account").WithTags("Account").ExcludeFromDescription();
        api.MapGet("/login", ShowLogin).WithName("ShowLogin");
        // Form binding makes UseAntiforgery check the token the page embedded.
        api.MapPost("/login", Login).WithName("Login");
        return app;
    }

    public static ContentHttpResult ShowLogin(HttpContext http, [FromServices] IAntiforgery antiforgery, [FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        LoginPage.Render(http, antiforgery, LocalOrNull(returnUrl), error: null, StatusCodes.Status200OK);

    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Login(HttpContext http, [FromForm] LoginForm form, [FromServices] IAntiforgery antiforgery,
        [FromServices] SignInManager<ApplicationUser> signIn, [FromServices] ILogger<LoginForm> logger)
    {
        var returnUrl = LocalOrNull(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
            return LoginPage.Render(http, antiforgery, returnUrl, LoginPage.MissingFields, StatusCodes.Status400BadRequest);

        var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return returnUrl is null ? LoginPage.SignedIn() : TypedResults.Redirect(returnUrl);

        logger.SignInRefused(result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong email or password");
        return LoginPage.Render(http, antiforgery, returnUrl, result.IsLockedOut ? LoginPage.LockedOut : LoginPage.WrongCredentials,
            StatusCodes.Status400BadRequest);
    }

    /// <summary>Only paths on this site: an absolute or protocol-relative URL would make the login page an open redirect.</summary>
    internal static string? LocalOrNull(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : null;
}
