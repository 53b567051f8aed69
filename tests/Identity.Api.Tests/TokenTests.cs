using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Identity.Api.Tests;

public sealed class TokenTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private static readonly string[] Audiences = ["catalogue-api", "needs-api", "matching-api", "contracts-api", "identity-api"];

    [Fact]
    public async Task Signing_in_with_the_code_flow_and_PKCE_yields_a_JWT_carrying_the_organisation_kind_and_role()
    {
        var organisation = await factory.RegisterAsync("retailer");

        var tokens = await factory.SignInAsync(organisation.Email, organisation.Password);

        var token = await ValidateAsync(tokens.AccessToken, "catalogue-api");
        Assert.Equal(organisation.UserId.ToString(), token.Subject);
        Assert.Equal(organisation.OrganisationId.ToString(), Claim(token, "org_id"));
        Assert.Equal("retailer", Claim(token, "org_kind"));
        Assert.Equal("owner", Claim(token, "role"));
        Assert.Equal("Nguyễn Văn An", Claim(token, "name"));
        Assert.All(Audiences, a => Assert.Contains(a, token.Audiences));
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdToken);
    }

    [Fact]
    public async Task The_access_token_is_accepted_by_the_identity_api()
    {
        var organisation = await factory.RegisterAsync();
        using var client = await factory.SignedInClientAsync(organisation.Email, organisation.Password);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/identity/me");

        Assert.Equal(organisation.UserId, me.GetProperty("userId").GetGuid());
        Assert.Equal(organisation.OrganisationId, me.GetProperty("currentOrganisationId").GetGuid());
        var membership = Assert.Single(me.GetProperty("memberships").EnumerateArray());
        Assert.Equal("owner", membership.GetProperty("role").GetString());
    }

    [Fact]
    public async Task The_identity_api_refuses_requests_without_a_valid_token()
    {
        using var anonymous = factory.CreateClient();
        using var forged = factory.CreateClientWith(new TestTokens("identity-api").For(Guid.NewGuid(), "programme-office"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/identity/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/identity/organisations")).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_yields_new_tokens_for_the_same_user_and_organisation()
    {
        var organisation = await factory.RegisterAsync();
        var first = await factory.SignInAsync(organisation.Email, organisation.Password);
        using var client = factory.CreateClient();

        var refreshed = await OidcSignIn.RefreshAsync(client, first.RefreshToken!);

        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        var token = await ValidateAsync(refreshed.AccessToken, "needs-api");
        Assert.Equal(organisation.UserId.ToString(), token.Subject);
        Assert.Equal(organisation.OrganisationId.ToString(), Claim(token, "org_id"));
        Assert.NotNull(refreshed.RefreshToken);
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_is_refused()
    {
        var organisation = await factory.RegisterAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignInAsync(organisation.Email, "Wrong$Password1"));

        Assert.Contains("Sign-in was refused", failure.Message);
    }

    [Fact]
    public async Task The_portal_client_cannot_skip_PKCE()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync("/connect/authorize?client_id=portal&response_type=code&scope=openid%20api" +
            "&redirect_uri=" + Uri.EscapeDataString(OidcSignIn.DefaultRedirectUri));

        // OpenIddict answers the client's redirect URI with an error, never the login page.
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.DoesNotContain("/account/login", location);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || location.Contains("error=invalid_request"), location);
    }

    [Fact]
    public async Task The_login_page_does_not_redirect_to_another_site()
    {
        var organisation = await factory.RegisterAsync();
        using var browser = factory.CreateBrowser();
        var page = await browser.GetStringAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString("https://evil.example/"));
        Assert.DoesNotContain("evil.example", page);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = organisation.Email, ["Password"] = organisation.Password,
            ["ReturnUrl"] = "//evil.example/",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_login_post_without_the_anti_forgery_token_is_rejected()
    {
        var organisation = await factory.RegisterAsync();
        using var browser = factory.CreateBrowser();

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = organisation.Email, ["Password"] = organisation.Password, ["ReturnUrl"] = "/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_organisation_client_gets_a_token_carrying_its_organisation_and_the_service_role()
    {
        var organisation = await factory.RegisterAsync("retailer");
        using var owner = await factory.SignedInClientAsync(organisation.Email, organisation.Password);
        var created = await owner.PostAsJsonAsync($"/api/identity/organisations/{organisation.OrganisationId}/clients", new { displayName = "ERP kho Long Biên" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var http = factory.CreateClient();

        var tokens = await OidcSignIn.ClientCredentialsAsync(http, client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!);

        var token = await ValidateAsync(tokens.AccessToken, "matching-api");
        Assert.Equal(organisation.OrganisationId.ToString(), Claim(token, "org_id"));
        Assert.Equal("retailer", Claim(token, "org_kind"));
        Assert.Equal("service", Claim(token, "role"));
        var failure = await Assert.ThrowsAsync<OidcException>(() =>
            OidcSignIn.ClientCredentialsAsync(http, client.GetProperty("clientId").GetString()!, "not-the-secret"));
        Assert.Equal("invalid_client", failure.Error);
    }

    [Fact]
    public async Task A_user_in_two_organisations_can_choose_which_one_the_token_speaks_for()
    {
        var first = await factory.RegisterAsync("supplier");
        var second = await factory.RegisterAsync("retailer");
        using var secondOwner = await factory.SignedInClientAsync(second.Email, second.Password);
        (await secondOwner.PostAsJsonAsync($"/api/identity/organisations/{second.OrganisationId}/members",
            new { email = first.Email, role = "signer" })).EnsureSuccessStatusCode();

        var byDefault = await ValidateAsync((await factory.SignInAsync(first.Email, first.Password)).AccessToken, "identity-api");
        var chosen = await ValidateAsync(
            (await factory.SignInAsync(first.Email, first.Password, second.OrganisationId.ToString())).AccessToken, "identity-api");

        Assert.Equal((first.OrganisationId.ToString(), "owner"), (Claim(byDefault, "org_id"), Claim(byDefault, "role")));
        Assert.Equal((second.OrganisationId.ToString(), "retailer", "signer"), (Claim(chosen, "org_id"), Claim(chosen, "org_kind"), Claim(chosen, "role")));
    }

    /// <summary>Validates as another service would: signature against the published JWKS, issuer and audience.</summary>
    private async Task<JsonWebToken> ValidateAsync(string accessToken, string audience)
    {
        using var client = factory.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var jwksPath = new Uri(discovery.GetProperty("jwks_uri").GetString()!).AbsolutePath;
        var keys = new JsonWebKeySet(await client.GetStringAsync(jwksPath));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = discovery.GetProperty("issuer").GetString(),
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(TestTokens.Issuer, discovery.GetProperty("issuer").GetString());
        return (JsonWebToken)result.SecurityToken;
    }

    private static string? Claim(JsonWebToken token, string type) => token.TryGetPayloadValue<string>(type, out var value) ? value : null;
}
