using System.Net.Http.Headers;
using System.Net.Http.Json;
using Matchmaking.Identity.Data;
using Matchmaking.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Api.Tests;

/// <summary>The identity service on its own database and virtual host, issuing real tokens with ephemeral keys.</summary>
public class IdentityFactory() : ServiceFactory<Program>("identity-db", "identity-api")
{
    public const string OfficeEmail = "office@greenlink.test";
    public const string OfficePassword = "Office@12345";

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        builder.UseSetting("Bootstrap:ProgrammeOffice:Email", OfficeEmail);
        builder.UseSetting("Bootstrap:ProgrammeOffice:Password", OfficePassword);
    }

    /// <summary>A client that keeps cookies and leaves redirects alone, as <see cref="OidcSignIn"/> needs.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<TokenSet> SignInAsync(string email, string password, string? organisationId = null)
    {
        using var browser = CreateBrowser();
        return await OidcSignIn.SignInAsync(browser, email, password, organisationId: organisationId);
    }

    public HttpClient CreateClientWith(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async Task<HttpClient> SignedInClientAsync(string email, string password) =>
        CreateClientWith((await SignInAsync(email, password)).AccessToken);

    public Task<HttpClient> ProgrammeOfficeAsync() => SignedInClientAsync(OfficeEmail, OfficePassword);

    /// <summary>Registers an organisation with fresh tax code and email, and returns its ids and owner credentials.</summary>
    public async Task<RegisteredOrganisation> RegisterAsync(string kind = "supplier")
    {
        var request = TestData.Registration(kind);
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/identity/organisations", request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<RegisteredBody>();
        return new RegisteredOrganisation(body!.OrganisationId, body.UserId, request.Owner.Email, request.Owner.Password, request.TaxCode, kind);
    }

    /// <summary>Runs <paramref name="query"/> against the service's own database, to prove what was or was not stored.</summary>
    public async Task<T> QueryAsync<T>(Func<IdentityDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdentityDbContext>());
    }

    private sealed record RegisteredBody(Guid OrganisationId, Guid UserId);
}

public sealed record RegisteredOrganisation(Guid OrganisationId, Guid UserId, string Email, string Password, string TaxCode, string Kind);
