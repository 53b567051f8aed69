using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.Contracts.Identity;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Identity.Api.Tests;

/// <summary>Endpoint by endpoint: members see and change their own organisation, the programme office verifies, nobody else gets in.</summary>
public sealed class AuthorizationTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private static string OrganisationRoute(Guid id) => $"/api/identity/organisations/{id}";

    [Fact]
    public async Task Members_and_the_programme_office_see_an_organisation_and_another_organisation_gets_404()
    {
        var supplier = await factory.RegisterAsync("supplier");
        var retailer = await factory.RegisterAsync("retailer");
        using var member = await factory.SignedInClientAsync(supplier.Email, supplier.Password);
        using var outsider = await factory.SignedInClientAsync(retailer.Email, retailer.Password);
        using var office = await factory.ProgrammeOfficeAsync();

        var own = await member.GetFromJsonAsync<JsonElement>(OrganisationRoute(supplier.OrganisationId));
        var fromOffice = await office.GetAsync(OrganisationRoute(supplier.OrganisationId));
        var fromOutsider = await outsider.GetAsync(OrganisationRoute(supplier.OrganisationId));
        var missing = await member.GetAsync(OrganisationRoute(Guid.NewGuid()));

        Assert.Equal(supplier.TaxCode, own.GetProperty("taxCode").GetString());
        Assert.Equal(supplier.Email, Assert.Single(own.GetProperty("members").EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, fromOffice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_supplier_cannot_verify_an_organisation_and_nothing_changes()
    {
        var supplier = await factory.RegisterAsync("supplier");
        using var owner = await factory.SignedInClientAsync(supplier.Email, supplier.Password);

        var response = await owner.PostAsync(OrganisationRoute(supplier.OrganisationId) + "/verification", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await factory.QueryAsync(db => db.Organisations.Where(o => o.Id == supplier.OrganisationId).Select(o => o.VerifiedAt).SingleAsync()));
    }

    [Fact]
    public async Task The_programme_office_verifies_an_organisation_once_and_OrganisationVerified_is_published()
    {
        await using var listener = await EventListener<OrganisationVerified>.StartAsync(factory.RabbitMqConnectionString);
        var retailer = await factory.RegisterAsync("retailer");
        using var office = await factory.ProgrammeOfficeAsync();

        var first = await office.PostAsync(OrganisationRoute(retailer.OrganisationId) + "/verification", null);
        var again = await office.PostAsync(OrganisationRoute(retailer.OrganisationId) + "/verification", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var verifiedAt = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verifiedAt").GetDateTimeOffset();
        Assert.Equal(verifiedAt, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verifiedAt").GetDateTimeOffset());
        var published = await listener.WaitForAsync(e => e.OrganisationId == retailer.OrganisationId);
        Assert.Equal(OrganisationKinds.Retailer, published.Message.Kind);
        var all = await listener.ReceivedAsync(TimeSpan.FromSeconds(1));
        Assert.Single(all, e => e.OrganisationId == retailer.OrganisationId);
    }

    [Fact]
    public async Task Only_the_programme_office_sees_the_verification_queue()
    {
        var supplier = await factory.RegisterAsync("supplier");
        using var owner = await factory.SignedInClientAsync(supplier.Email, supplier.Password);
        using var office = await factory.ProgrammeOfficeAsync();

        var refused = await owner.GetAsync("/api/identity/organisations?verified=false");
        var queue = await office.GetFromJsonAsync<JsonElement>("/api/identity/organisations?verified=false&pageSize=100");
        var verified = await office.GetFromJsonAsync<JsonElement>("/api/identity/organisations?verified=true&pageSize=100");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == supplier.OrganisationId);
        Assert.All(queue.GetProperty("items").EnumerateArray(), o => Assert.False(o.GetProperty("verified").GetBoolean()));
        Assert.Contains(verified.GetProperty("items").EnumerateArray(), o => o.GetProperty("kind").GetString() == "programme-office");
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_a_validation_problem()
    {
        using var office = await factory.ProgrammeOfficeAsync();

        var response = await office.GetAsync("/api/identity/organisations?pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_owner_adds_a_member_who_can_then_sign_in_with_that_role()
    {
        var supplier = await factory.RegisterAsync("supplier");
        using var owner = await factory.SignedInClientAsync(supplier.Email, supplier.Password);
        var email = TestData.Email("signer");

        var response = await owner.PostAsJsonAsync(OrganisationRoute(supplier.OrganisationId) + "/members",
            new { email, role = "signer", fullName = "Lê Thị Cúc", password = TestData.Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var signer = await factory.SignedInClientAsync(email, TestData.Password);
        var me = await signer.GetFromJsonAsync<JsonElement>("/api/identity/me");
        var membership = Assert.Single(me.GetProperty("memberships").EnumerateArray());
        Assert.Equal((supplier.OrganisationId, "signer"), (membership.GetProperty("organisationId").GetGuid(), membership.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Adding_a_member_with_a_bad_role_or_without_a_password_for_a_new_user_is_rejected_and_stores_nothing()
    {
        var supplier = await factory.RegisterAsync("supplier");
        using var owner = await factory.SignedInClientAsync(supplier.Email, supplier.Password);
        var email = TestData.Email();

        var asOwner = await owner.PostAsJsonAsync(OrganisationRoute(supplier.OrganisationId) + "/members", new { email, role = "owner", password = TestData.Password });
        var noPassword = await owner.PostAsJsonAsync(OrganisationRoute(supplier.OrganisationId) + "/members", new { email, role = "member", fullName = "Phạm Văn Dũng" });

        Assert.Equal(HttpStatusCode.BadRequest, asOwner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPassword.StatusCode);
        Assert.Contains("password", (await noPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var normalized = email.ToUpperInvariant();
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == normalized)));
    }

    [Fact]
    public async Task A_plain_member_cannot_add_members_or_clients_and_another_organisation_gets_404_and_nothing_changes()
    {
        var supplier = await factory.RegisterAsync("supplier");
        var retailer = await factory.RegisterAsync("retailer");
        using var owner = await factory.SignedInClientAsync(supplier.Email, supplier.Password);
        var memberEmail = TestData.Email("member");
        (await owner.PostAsJsonAsync(OrganisationRoute(supplier.OrganisationId) + "/members",
            new { email = memberEmail, role = "member", fullName = "Hoàng Văn Em", password = TestData.Password })).EnsureSuccessStatusCode();
        using var member = await factory.SignedInClientAsync(memberEmail, TestData.Password);
        using var outsider = await factory.SignedInClientAsync(retailer.Email, retailer.Password);
        var newcomer = new { email = TestData.Email(), role = "admin", fullName = "Vũ Thị Gấm", password = TestData.Password };
        var client = new { displayName = "Hệ thống kho" };

        var memberAddsMember = await member.PostAsJsonAsync(OrganisationRoute(supplier.OrganisationId) + "/members", newcomer);
        var memberAddsClient = await member.PostAsJsonAsync(OrganisationRoute(supplier.OrganisationId) + "/clients", client);
        var outsiderAddsMember = await outsider.PostAsJsonAsync(OrganisationRoute(supplier.OrganisationId) + "/members", newcomer);
        var outsiderAddsClient = await outsider.PostAsJsonAsync(OrganisationRoute(supplier.OrganisationId) + "/clients", client);

        Assert.Equal(HttpStatusCode.Forbidden, memberAddsMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberAddsClient.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsiderAddsMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsiderAddsClient.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.Memberships.CountAsync(m => m.OrganisationId == supplier.OrganisationId)));
        Assert.False(await factory.QueryAsync(db => db.OrganisationClients.AnyAsync(c => c.OrganisationId == supplier.OrganisationId)));
        var newcomerEmail = newcomer.email.ToUpperInvariant();
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == newcomerEmail)));
    }

    [Fact]
    public async Task An_organisation_client_token_sees_its_own_organisation_but_cannot_manage_it()
    {
        var retailer = await factory.RegisterAsync("retailer");
        using var owner = await factory.SignedInClientAsync(retailer.Email, retailer.Password);
        var created = await (await owner.PostAsJsonAsync(OrganisationRoute(retailer.OrganisationId) + "/clients", new { displayName = "POS" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var http = factory.CreateClient();
        var tokens = await OidcSignIn.ClientCredentialsAsync(http, created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
        using var machine = factory.CreateClientWith(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync(OrganisationRoute(retailer.OrganisationId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.PostAsJsonAsync(OrganisationRoute(retailer.OrganisationId) + "/clients", new { displayName = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.GetAsync("/api/identity/me")).StatusCode);
    }
}
