using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Matchmaking.Contracts.Identity;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Identity.Api.Tests;

public sealed class RegistrationTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string Route = "/api/identity/organisations";

    [Fact]
    public async Task Registering_a_supplier_stores_it_with_its_owner_and_publishes_OrganisationRegistered()
    {
        await using var listener = await EventListener<OrganisationRegistered>.StartAsync(factory.RabbitMqConnectionString);
        var request = TestData.Registration("supplier");
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync(Route, request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var organisationId = body.GetProperty("organisationId").GetGuid();
        var userId = body.GetProperty("userId").GetGuid();
        var membership = await factory.QueryAsync(db => db.Memberships.SingleAsync(m => m.OrganisationId == organisationId));
        Assert.Equal((userId, "owner"), (membership.UserId, membership.Role));
        var published = await listener.WaitForAsync(e => e.OrganisationId == organisationId);
        Assert.Equal((OrganisationKinds.Supplier, request.LegalName, request.TaxCode, "Hà Nội", "Huyện Gia Lâm"),
            (published.Message.Kind, published.Message.LegalName, published.Message.TaxCode, published.Message.Province, published.Message.District));
        Assert.Equal(("Xóm 3", "Xã Bát Tràng", "Nguyễn Văn An"), (published.Message.Street, published.Message.Commune, published.Message.Representative));
    }

    [Theory]
    [InlineData("0101234567")]
    [InlineData("0101234567-001")]
    public async Task Registering_with_a_tax_code_of_ten_digits_or_ten_digits_and_a_branch_is_accepted(string shape)
    {
        // Keep the shape, but make the digits unique to this run.
        var taxCode = TestData.TaxCode() + shape[10..];
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync(Route, TestData.Registration("retailer", taxCode));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Organisations.AnyAsync(o => o.TaxCode == taxCode)));
    }

    [Theory]
    [InlineData("010123456")]          // 9 digits
    [InlineData("01012345678")]        // 11 digits
    [InlineData("0101234567-01")]      // branch of 2 digits
    [InlineData("0101234567-0011")]    // branch of 4 digits
    [InlineData("0101234567 001")]     // space instead of hyphen
    [InlineData("01012345AB")]         // letters
    [InlineData("٠١٠١٢٣٤٥٦٧")]         // Arabic-Indic digits, which \d would accept
    [InlineData(" 0101234567")]
    [InlineData("")]
    public async Task Registering_an_organisation_with_a_malformed_tax_code_is_rejected_and_stores_nothing(string taxCode)
    {
        var request = TestData.Registration("supplier", taxCode);
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync(Route, request);

        await AssertValidationProblemAsync(response, "taxCode");
        await AssertNothingStoredAsync(request);
    }

    [Fact]
    public async Task Registering_without_required_fields_names_each_missing_field_and_stores_nothing()
    {
        var request = TestData.Registration() with
        {
            LegalName = " ",
            Address = new AddressBody("Xóm 3", "", "Huyện Gia Lâm", "Hà Nội"),
            Contact = new ContactBody("An", "not-an-email", "12"),
        };
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync(Route, request);

        var errors = await AssertValidationProblemAsync(response, "legalName", "address.commune", "contact.email", "contact.phone");
        Assert.DoesNotContain("taxCode", errors);
        await AssertNothingStoredAsync(request);
    }

    [Fact]
    public async Task Registering_without_the_owner_or_kind_is_rejected()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync(Route, Json("""{"legalName":"Làng nghề Phú Vinh","taxCode":"0101234567"}"""));

        await AssertValidationProblemAsync(response, "kind", "address", "contact", "owner");
    }

    [Theory]
    [InlineData("""{"kind":"supplier","legalName":""", "$.legalName")]         // truncated JSON
    [InlineData("""{"kind":"wholesaler","legalName":"X"}""", "$.kind")]         // unknown kind
    [InlineData("""{"kind":"supplier","taxCode":101234567}""", "$.taxCode")]    // number for a string
    [InlineData("""{"kind":"supplier","address":"Hà Nội"}""", "$.address")]    // string for an object
    public async Task A_malformed_body_gets_a_problem_naming_the_field_and_stores_nothing(string body, string field)
    {
        using var client = factory.CreateClient();
        var before = await factory.QueryAsync(db => db.Organisations.CountAsync());

        var response = await client.PostAsync(Route, Json(body));

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(before, await factory.QueryAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task Registering_a_second_organisation_with_the_same_tax_code_is_a_conflict()
    {
        var first = TestData.Registration();
        using var client = factory.CreateClient();
        (await client.PostAsJsonAsync(Route, first)).EnsureSuccessStatusCode();
        var second = TestData.Registration("retailer", first.TaxCode);

        var response = await client.PostAsJsonAsync(Route, second);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(second);
    }

    [Fact]
    public async Task Registering_with_an_owner_email_already_in_use_is_a_conflict_and_stores_nothing()
    {
        var first = TestData.Registration();
        using var client = factory.CreateClient();
        (await client.PostAsJsonAsync(Route, first)).EnsureSuccessStatusCode();
        var second = TestData.Registration() with { Owner = first.Owner with { Email = first.Owner.Email.ToUpperInvariant() } };

        var response = await client.PostAsJsonAsync(Route, second);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Organisations.AnyAsync(o => o.TaxCode == second.TaxCode)));
    }

    [Fact]
    public async Task Registering_as_the_programme_office_is_refused()
    {
        var request = TestData.Registration("programme-office");
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync(Route, request);

        await AssertValidationProblemAsync(response, "kind");
        await AssertNothingStoredAsync(request);
    }

    [Fact]
    public async Task Registering_with_a_weak_password_is_rejected_on_the_password_field_and_stores_nothing()
    {
        var request = TestData.Registration() with { Owner = new OwnerBody(TestData.Email(), "password", "Trần Thị Bình") };
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync(Route, request);

        await AssertValidationProblemAsync(response, "owner.password");
        await AssertNothingStoredAsync(request);
    }

    [Fact]
    public async Task The_bootstrap_creates_one_verified_programme_office()
    {
        var offices = await factory.QueryAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKinds.ProgrammeOffice).ToListAsync());

        var office = Assert.Single(offices);
        Assert.Equal("Sở Công Thương Hà Nội", office.LegalName);
        Assert.True(office.Verified);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<IReadOnlyCollection<string>> AssertValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var field in fields) Assert.Contains(field, errors);
        return errors;
    }

    private async Task AssertNothingStoredAsync(RegistrationBody request)
    {
        Assert.False(await factory.QueryAsync(db => db.Organisations.AnyAsync(o => o.LegalName == request.LegalName)));
        var email = request.Owner.Email.ToUpperInvariant();
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email)));
    }
}
