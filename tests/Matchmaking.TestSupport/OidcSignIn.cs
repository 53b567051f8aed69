using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaking.TestSupport;

/// <summary>What the token endpoint returned.</summary>
public sealed record TokenSet(string AccessToken, string? RefreshToken, string? IdToken, int ExpiresIn, string? Scope);

/// <summary>
/// Gets real tokens from the identity service over HTTP, directly or through the gateway: the authorization-code flow
/// with PKCE exactly as a browser runs it (authorize, login form with its anti-forgery token, back to authorize, code
/// captured from the redirect without following it, code exchanged), refresh, and client credentials.
/// The client must not follow redirects and must keep cookies: use <see cref="CreateBrowserClient"/>, or
/// WebApplicationFactory's CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }).
/// </summary>
public static partial class OidcSignIn
{
    public const string PortalClientId = "portal";
    public const string DefaultRedirectUri = "http://127.0.0.1:8080/signin-callback";
    public const string DefaultScope = "openid profile offline_access api";

    /// <summary>A client for <paramref name="baseAddress"/> with its own cookie jar and redirects left to the caller.</summary>
    public static HttpClient CreateBrowserClient(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = baseAddress,
        };

    /// <summary>Signs in through <paramref name="baseAddress"/> with a fresh cookie jar.</summary>
    public static async Task<TokenSet> SignInAsync(Uri baseAddress, string email, string password, string clientId = PortalClientId,
        string redirectUri = DefaultRedirectUri, string scope = DefaultScope, string? organisationId = null, CancellationToken ct = default)
    {
        using var client = CreateBrowserClient(baseAddress);
        return await SignInAsync(client, email, password, clientId, redirectUri, scope, organisationId, ct);
    }

    /// <summary>The authorization-code flow with PKCE (S256) through <paramref name="client"/>, which keeps cookies and does not follow redirects.</summary>
    public static async Task<TokenSet> SignInAsync(HttpClient client, string email, string password, string clientId = PortalClientId,
        string redirectUri = DefaultRedirectUri, string scope = DefaultScope, string? organisationId = null, CancellationToken ct = default)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = scope,
            ["state"] = state, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        };
        if (organisationId is not null) query["organisation_id"] = organisationId;

        var response = await client.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", query), ct);
        var postedCredentials = false;
        for (var hop = 0; hop < 10; hop++)
        {
            if (IsRedirect(response.StatusCode))
            {
                var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
                if (location.AbsoluteUri.StartsWith(redirectUri, StringComparison.Ordinal))
                {
                    var code = CodeFrom(location, state);
                    return await TokenAsync(client, new()
                    {
                        ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri,
                        ["client_id"] = clientId, ["code_verifier"] = verifier,
                    }, ct);
                }
                // Stay on the caller's base address (the gateway), whatever host the service put in the Location.
                response = await client.GetAsync(location.PathAndQuery, ct);
            }
            else if (response.StatusCode == HttpStatusCode.OK && !postedCredentials && await IsLoginFormAsync(response, ct))
            {
                var fields = HiddenFields(await response.Content.ReadAsStringAsync(ct));
                fields["Email"] = email;
                fields["Password"] = password;
                response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), ct);
                postedCredentials = true;
                if (!IsRedirect(response.StatusCode))
                    throw new InvalidOperationException($"Sign-in was refused ({(int)response.StatusCode}): {FormError(await response.Content.ReadAsStringAsync(ct))}");
            }
            else
            {
                throw new InvalidOperationException(
                    $"Unexpected {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
        throw new InvalidOperationException("Too many redirects during sign-in.");
    }

    /// <summary>Trades a refresh token for new tokens.</summary>
    public static Task<TokenSet> RefreshAsync(HttpClient client, string refreshToken, string clientId = PortalClientId, CancellationToken ct = default) =>
        TokenAsync(client, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId }, ct);

    /// <summary>An access token for an organisation's own system (its confidential client).</summary>
    public static Task<TokenSet> ClientCredentialsAsync(HttpClient client, string clientId, string clientSecret, string scope = "api",
        CancellationToken ct = default) =>
        TokenAsync(client, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret, ["scope"] = scope,
        }, ct);

    /// <summary>Posts to the token endpoint; an OAuth error becomes an exception carrying error and error_description.</summary>
    public static async Task<TokenSet> TokenAsync(HttpClient client, Dictionary<string, string> form, CancellationToken ct = default)
    {
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!response.IsSuccessStatusCode || !body.TryGetProperty("access_token", out var access))
            throw new OidcException(Text(body, "error") ?? response.StatusCode.ToString(), Text(body, "error_description"));
        return new TokenSet(access.GetString()!, Text(body, "refresh_token"), Text(body, "id_token"),
            body.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 0, Text(body, "scope"));
    }

    private static string CodeFrom(Uri redirect, string state)
    {
        var parameters = QueryHelpers.ParseQuery(redirect.Query);
        if (parameters.TryGetValue("error", out var error))
            throw new OidcException(error!, parameters.TryGetValue("error_description", out var d) ? d.ToString() : null);
        if (parameters["state"] != state) throw new InvalidOperationException("The state came back changed.");
        return parameters["code"].ToString() is { Length: > 0 } code ? code : throw new InvalidOperationException("The redirect carried no code.");
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    private static async Task<bool> IsLoginFormAsync(HttpResponseMessage response, CancellationToken ct) =>
        response.Content.Headers.ContentType?.MediaType == "text/html"
        && (await response.Content.ReadAsStringAsync(ct)).Contains("name=\"Password\"", StringComparison.Ordinal);

    private static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    private static string FormError(string html) =>
        ErrorParagraph().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "no message";

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<p class="error"[^>]*>([^<]*)</p>""")]
    private static partial Regex ErrorParagraph();
}

/// <summary>An OAuth 2.0 error from the identity service (for example invalid_grant).</summary>
public sealed class OidcException(string error, string? description) : Exception($"{error}: {description}")
{
    public string Error { get; } = error;
    public string? Description { get; } = description;
}
