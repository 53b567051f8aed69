using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Identity;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ServiceDefaults;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>
/// Route by route: strangers learn nothing (404), the programme office reads everything and writes nothing (403),
/// members read, and only owners and signers sign; every refusal leaves the agreement as it was.
/// </summary>
public sealed class AuthorizationTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    private enum Kind { Read, Edit, Sign }

    private sealed record Route(HttpMethod Method, string Path, Kind Kind, object? Body = null);

    /// <summary>Every agreement route, with a body that passes validation so that only who is asking decides the answer.</summary>
    private static async Task<List<Route>> RoutesAsync(AgreementScenario s)
    {
        var amendment = AgreementScenario.AmendmentOf(await s.VersionAsync(1),
            (_, terms) => ((List<Dictionary<string, object?>>)terms["products"]!)[0]["unitPriceVnd"] = 999L);
        return
        [
            new(HttpMethod.Get, s.Url, Kind.Read),
            new(HttpMethod.Get, $"{s.Url}/versions/1", Kind.Read),
            new(HttpMethod.Get, $"{s.Url}/versions/1/document", Kind.Read),
            new(HttpMethod.Get, $"{s.Url}/signatures/verification", Kind.Read),
            new(HttpMethod.Get, $"{s.Url}/evidence", Kind.Read),
            new(HttpMethod.Get, $"{s.Url}/audit", Kind.Read),
            new(HttpMethod.Get, $"{s.Url}/audit/verification", Kind.Read),
            new(HttpMethod.Post, $"{s.Url}/versions", Kind.Edit, amendment),
            new(HttpMethod.Post, $"{s.Url}/send-for-signature", Kind.Edit, new { version = 1 }),
            new(HttpMethod.Post, $"{s.Url}/terminate", Kind.Edit, new { reason = "Không cần nữa" }),
            new(HttpMethod.Post, $"{s.Url}/versions/1/signatures/remote", Kind.Sign, new { activationToken = "eyJhbGciOiJSUzI1NiJ9.e30.c2ln" }),
            new(HttpMethod.Post, $"{s.Url}/versions/1/signatures/uploaded", Kind.Sign, new { signature = "MAA=" }),
        ];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Route route) => client.SendAsync(new HttpRequestMessage(route.Method, route.Path)
    {
        Content = route.Body is null ? null : JsonContent.Create(route.Body, options: ContractsFactory.Json),
    });

    /// <summary>Status, version, signatures and the audit trail's length: what any write would have changed.</summary>
    private static async Task<(AgreementStatus, int, int, int)> StateAsync(AgreementScenario s)
    {
        var a = await s.ReadAsync();
        return (a.Status, a.CurrentVersion.Version, a.Signatures.Count, (await s.AuditAsync()).Entries.Count);
    }

    [Fact]
    public async Task Other_organisations_get_404_on_every_agreement_route_and_do_not_see_it_listed()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var before = await StateAsync(s);

        foreach (var (kind, role) in new[] { (OrganisationKinds.Retailer, OrganisationRoles.Owner), (OrganisationKinds.Supplier, OrganisationRoles.Signer) })
        {
            var stranger = factory.CreateClientFor(Guid.NewGuid(), kind, role);
            foreach (var route in await RoutesAsync(s))
                await (await SendAsync(stranger, route)).AssertProblemAsync(HttpStatusCode.NotFound);
            var list = await (await stranger.GetAsync("/api/contracts/agreements")).ReadAsync<PagedResponse<AgreementSummaryResponse>>(HttpStatusCode.OK);
            Assert.DoesNotContain(list.Items, a => a.Id == s.Id);
        }

        Assert.Equal(before, await StateAsync(s));
    }

    [Fact]
    public async Task The_programme_office_reads_every_route_and_is_refused_every_write()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var before = await StateAsync(s);
        var office = factory.CreateClientFor(Guid.NewGuid(), OrganisationKinds.ProgrammeOffice, OrganisationRoles.Owner);

        foreach (var route in await RoutesAsync(s))
        {
            var response = await SendAsync(office, route);
            if (route.Kind == Kind.Read) Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route.Method} {route.Path}: {(int)response.StatusCode}");
            else await response.AssertProblemAsync(HttpStatusCode.Forbidden, "programme office");
        }
        Assert.Equal("observer", (await s.ReadAsync(office)).YourSide);
        var list = await (await office.GetAsync($"/api/contracts/agreements?partnershipId={s.Accepted.PartnershipId}"))
            .ReadAsync<PagedResponse<AgreementSummaryResponse>>(HttpStatusCode.OK);
        Assert.Equal(s.Id, Assert.Single(list.Items).Id);

        // Its reads are not a party's: no "viewed" entry either.
        Assert.Equal(before, await StateAsync(s));
    }

    [Fact]
    public async Task Members_read_but_neither_edit_nor_sign_and_admins_edit_but_do_not_sign()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var routes = await RoutesAsync(s);
        var member = s.Buyer.As(OrganisationRoles.Member);
        var admin = s.Supplier.As(OrganisationRoles.Admin);
        await s.ReadAsync(member);
        await s.ReadAsync(admin);
        var before = await StateAsync(s);

        foreach (var route in routes)
        {
            var response = await SendAsync(member, route);
            if (route.Kind == Kind.Read) Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route.Method} {route.Path}: {(int)response.StatusCode}");
            else await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        foreach (var route in routes.Where(r => r.Kind == Kind.Sign))
            await (await SendAsync(admin, route)).AssertProblemAsync(HttpStatusCode.Forbidden, "owner or signer");

        Assert.Equal(before, await StateAsync(s));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_except_on_the_public_verification_routes()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var anonymous = factory.CreateClient();

        foreach (var route in await RoutesAsync(s))
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(anonymous, route)).StatusCode);
        foreach (var path in new[] { "/api/contracts/agreements", "/api/contracts/certificates" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/contracts/certificates", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/contracts/certificates/authority")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/contracts/trust-anchors")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/contracts/verification",
            new { document = Convert.ToBase64String(await s.DocumentAsync()), signature = "MAA=" }, ContractsFactory.Json)).StatusCode);
    }

    [Fact]
    public async Task A_token_without_an_organisation_is_403_and_an_unknown_agreement_is_404()
    {
        var bare = factory.CreateClient();
        bare.DefaultRequestHeaders.Authorization = new("Bearer", factory.Tokens.WithoutOrganisation());
        await (await bare.GetAsync("/api/contracts/agreements")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var s = await AgreementScenario.DraftedAsync(factory);
        await (await s.Buyer.Owner.GetAsync($"/api/contracts/agreements/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await s.Buyer.Owner.GetAsync($"{s.Url}/versions/9")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await s.Buyer.Owner.GetAsync($"{s.Url}/versions/9/document")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
