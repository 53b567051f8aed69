using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.Identity.Apis;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Identity.Api.Tests;

/// <summary>Re-entering the password for one document yields a short-lived token the contract service can check with the published keys.</summary>
public sealed class SignatureActivationTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    public const string Route = "/api/identity/signature-activations";
    private static readonly string DocumentHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("hợp đồng"u8.ToArray()));

    [Fact]
    public async Task A_signer_who_re_enters_the_password_gets_a_token_for_that_document_signed_with_the_published_keys()
    {
        var supplier = await factory.RegisterAsync("supplier");
        var signer = await AddMemberAsync(factory, supplier, "signer", "Lê Thị Cúc");
        var reference = SignatureActivation.AgreementReference(Guid.NewGuid(), 2);
        using var client = await factory.SignedInClientAsync(signer.Email, TestData.Password);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await client.PostAsJsonAsync(Route, new { password = TestData.Password, documentSha256 = DocumentHash, reference });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = await ValidateActivationAsync(factory, body.GetProperty("activationToken").GetString()!);
        Assert.Equal(("sad+jwt", "RS256"), (token.Typ, token.Alg));
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal(TestTokens.Issuer, token.Issuer);
        Assert.Equal([SignatureActivation.Audience], token.Audiences);
        Assert.Equal(signer.UserId.ToString(), token.Subject);
        Assert.Equal((supplier.OrganisationId.ToString(), "signer", "Lê Thị Cúc"), (Claim(token, "org_id"), Claim(token, "role"), Claim(token, "name")));
        Assert.Equal((DocumentHash.ToLowerInvariant(), reference), (Claim(token, "doc_sha256"), Claim(token, "ref")));
        Assert.Equal(["pwd"], token.GetPayloadValue<string[]>("amr"));
        Assert.True(Guid.TryParseExact(token.Id, "N", out _), token.Id);
        var authTime = DateTimeOffset.FromUnixTimeSeconds(token.GetPayloadValue<long>("auth_time"));
        Assert.InRange(authTime, before, DateTimeOffset.UtcNow);
        Assert.Equal(authTime.UtcDateTime, token.IssuedAt);
        Assert.Equal(TimeSpan.FromMinutes(5), token.ValidTo - token.IssuedAt);
        Assert.Equal(token.ValidTo, body.GetProperty("expiresAt").GetDateTimeOffset().UtcDateTime);
        // Its own audience and type: it is no access token, not even for the service that issued it.
        using var misuse = factory.CreateClientWith(body.GetProperty("activationToken").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await misuse.GetAsync("/api/identity/me")).StatusCode);
        var again = await (await client.PostAsJsonAsync(Route, new { password = TestData.Password, documentSha256 = DocumentHash, reference }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(token.Id, new JsonWebToken(again.GetProperty("activationToken").GetString()!).Id);
    }

    [Fact]
    public async Task An_owner_may_activate_a_signature_too()
    {
        var retailer = await factory.RegisterAsync("retailer");
        using var owner = await factory.SignedInClientAsync(retailer.Email, retailer.Password);

        var response = await owner.PostAsJsonAsync(Route, new { password = retailer.Password, documentSha256 = DocumentHash, reference = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = new JsonWebToken((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activationToken").GetString()!);
        Assert.Equal(("owner", retailer.UserId.ToString()), (Claim(token, "role"), token.Subject));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_its_own_message_and_the_configured_number_of_them_locks_the_account()
    {
        var supplier = await factory.RegisterAsync("supplier");
        var signer = await AddMemberAsync(factory, supplier, "signer", "Lê Thị Cúc");
        using var client = await factory.SignedInClientAsync(signer.Email, TestData.Password);
        var attempts = factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;
        var wrong = new { password = "Sai$MatKhau9", documentSha256 = DocumentHash, reference = "x" };

        for (var i = 1; i < attempts; i++)
            await AssertRefusedAsync(await client.PostAsJsonAsync(Route, wrong), SignatureActivationApi.WrongPassword);
        Assert.Equal(attempts - 1, await factory.QueryAsync(db => db.Users.Where(u => u.Id == signer.UserId).Select(u => u.AccessFailedCount).SingleAsync()));
        await AssertRefusedAsync(await client.PostAsJsonAsync(Route, wrong), SignatureActivationApi.LockedOut);
        // Locked out, even the right password is refused, and signing in is refused too.
        await AssertRefusedAsync(await client.PostAsJsonAsync(Route, wrong with { password = TestData.Password }), SignatureActivationApi.LockedOut);
        Assert.NotNull(await factory.QueryAsync(db => db.Users.Where(u => u.Id == signer.UserId).Select(u => u.LockoutEnd).SingleAsync()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignInAsync(signer.Email, TestData.Password));
    }

    [Fact]
    public async Task The_right_password_clears_earlier_wrong_attempts()
    {
        var supplier = await factory.RegisterAsync("supplier");
        using var owner = await factory.SignedInClientAsync(supplier.Email, supplier.Password);
        await AssertRefusedAsync(await owner.PostAsJsonAsync(Route, new { password = "Sai$MatKhau9", documentSha256 = DocumentHash, reference = "x" }),
            SignatureActivationApi.WrongPassword);

        var response = await owner.PostAsJsonAsync(Route, new { password = supplier.Password, documentSha256 = DocumentHash, reference = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.Where(u => u.Id == supplier.UserId).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Theory]
    [InlineData("member")]
    [InlineData("admin")]
    public async Task A_member_or_admin_is_forbidden_and_the_password_is_not_even_checked(string role)
    {
        var supplier = await factory.RegisterAsync("supplier");
        var person = await AddMemberAsync(factory, supplier, role, "Phạm Văn Dũng");
        using var client = await factory.SignedInClientAsync(person.Email, TestData.Password);

        var right = await client.PostAsJsonAsync(Route, new { password = TestData.Password, documentSha256 = DocumentHash, reference = "x" });
        var wrong = await client.PostAsJsonAsync(Route, new { password = "Sai$MatKhau9", documentSha256 = DocumentHash, reference = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, right.StatusCode);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.Where(u => u.Id == person.UserId).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task An_organisation_client_and_a_user_without_an_organisation_are_forbidden()
    {
        var retailer = await factory.RegisterAsync("retailer");
        using var owner = await factory.SignedInClientAsync(retailer.Email, retailer.Password);
        var created = await (await owner.PostAsJsonAsync($"/api/identity/organisations/{retailer.OrganisationId}/clients", new { displayName = "ERP" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var http = factory.CreateClient();
        var machineToken = await OidcSignIn.ClientCredentialsAsync(http, created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
        using var machine = factory.CreateClientWith(machineToken.AccessToken);
        var loner = TestData.Email("loner");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Matchmaking.Identity.Model.ApplicationUser>>();
            var created2 = await users.CreateAsync(new() { Id = Guid.CreateVersion7(), UserName = loner, Email = loner, FullName = "Ngô Văn Lẻ" }, TestData.Password);
            Assert.True(created2.Succeeded);
        }
        using var nobody = await factory.SignedInClientAsync(loner, TestData.Password);
        var body = new { password = TestData.Password, documentSha256 = DocumentHash, reference = "x" };

        Assert.Equal(HttpStatusCode.Forbidden, (await machine.PostAsJsonAsync(Route, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nobody.PostAsJsonAsync(Route, body)).StatusCode);
    }

    [Fact]
    public async Task A_bad_hash_a_missing_or_long_reference_or_no_password_is_a_validation_problem_and_counts_no_attempt()
    {
        var supplier = await factory.RegisterAsync("supplier");
        using var owner = await factory.SignedInClientAsync(supplier.Email, supplier.Password);

        var cases = new (object Body, string Field)[]
        {
            (new { password = "Sai$MatKhau9", documentSha256 = DocumentHash[..63], reference = "x" }, "documentSha256"),
            (new { password = "Sai$MatKhau9", documentSha256 = DocumentHash[..63] + "g", reference = "x" }, "documentSha256"),
            (new { password = "Sai$MatKhau9", reference = "x" }, "documentSha256"),
            (new { password = "Sai$MatKhau9", documentSha256 = DocumentHash }, "reference"),
            (new { password = "Sai$MatKhau9", documentSha256 = DocumentHash, reference = new string('r', 201) }, "reference"),
            (new { documentSha256 = DocumentHash, reference = "x" }, "password"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await owner.PostAsJsonAsync(Route, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(field, problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            Assert.False(problem.TryGetProperty("activationToken", out _));
        }
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.Where(u => u.Id == supplier.UserId).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task Without_an_access_token_the_request_is_401()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync(Route, new { password = TestData.Password, documentSha256 = DocumentHash, reference = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static async Task<RegisteredOrganisation> AddMemberAsync(IdentityFactory factory, RegisteredOrganisation organisation, string role, string fullName)
    {
        using var owner = await factory.SignedInClientAsync(organisation.Email, organisation.Password);
        var email = TestData.Email(role);
        var response = await owner.PostAsJsonAsync($"/api/identity/organisations/{organisation.OrganisationId}/members",
            new { email, role, fullName, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var userId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
        return organisation with { UserId = userId, Email = email, Password = TestData.Password };
    }

    /// <summary>Validates as the contract service does: signature against the JWKS and issuer the discovery document publishes, its audience and type.</summary>
    internal static async Task<JsonWebToken> ValidateActivationAsync(IdentityFactory factory, string activationToken)
    {
        using var client = factory.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var keys = new JsonWebKeySet(await client.GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).AbsolutePath));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(activationToken, new TokenValidationParameters
        {
            ValidIssuer = discovery.GetProperty("issuer").GetString(),
            ValidAudience = SignatureActivation.Audience,
            ValidTypes = [SignatureActivation.TokenType],
            IssuerSigningKeys = keys.GetSigningKeys(),
            TryAllIssuerSigningKeys = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(message, problem.GetProperty("title").GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("password")[0].GetString());
        Assert.False(problem.TryGetProperty("activationToken", out _));
    }

    private static string? Claim(JsonWebToken token, string type) => token.TryGetPayloadValue<string>(type, out var value) ? value : null;
}

/// <summary>The identity service with no Identity:Issuer, so OpenIddict takes the issuer from each request's address.</summary>
public sealed class IssuerlessIdentityFactory : IdentityFactory
{
    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        base.ConfigureTestServices(builder);
        builder.UseSetting("Identity:Issuer", "");
    }
}

public sealed class SignatureActivationIssuerTests(IssuerlessIdentityFactory factory) : IClassFixture<IssuerlessIdentityFactory>
{
    [Fact]
    public async Task Without_a_configured_issuer_the_token_carries_the_issuer_of_the_discovery_document_and_of_access_tokens()
    {
        var supplier = await factory.RegisterAsync("supplier");
        var tokens = await factory.SignInAsync(supplier.Email, supplier.Password);
        using var owner = factory.CreateClientWith(tokens.AccessToken);

        var response = await owner.PostAsJsonAsync(SignatureActivationTests.Route,
            new { password = supplier.Password, documentSha256 = new string('a', 64), reference = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activation = await SignatureActivationTests.ValidateActivationAsync(factory,
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activationToken").GetString()!);
        Assert.NotEqual(TestTokens.Issuer, activation.Issuer);
        Assert.Equal(new JsonWebToken(tokens.AccessToken).Issuer, activation.Issuer);
    }
}
