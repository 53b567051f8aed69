using System.Security.Claims;
using System.Security.Cryptography;
using Matchmaking.Identity.Extensions;
using Matchmaking.Identity.Model;
using Matchmaking.Identity.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Matchmaking.Identity.Apis;

/// <summary>An organisation's people and machines: members with roles, and confidential clients for its own systems.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/organisations/{id:guid}").WithTags("Members").RequireAuthorization();

        api.MapPost("/members", AddMember).WithName("AddMember")
            .WithSummary("Owner or admin: add a user (created when the email is new) with the role admin, member or signer")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/clients", CreateClient).WithName("CreateClient")
            .WithSummary("Owner or admin: create a confidential client (client credentials) for the organisation's own systems; the secret is shown once")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    public static async Task<Created<MemberResponse>> AddMember(Guid id, AddMemberRequest request, ClaimsPrincipal user,
        [FromServices] IdentityServices services, CancellationToken ct)
    {
        await services.RequireManagerAsync(user, id, ct);
        var email = request.Email!.Trim();
        var membership = new Membership { OrganisationId = id, Role = request.Role!.Value.ToRole(), CreatedAt = services.Now };
        var person = await services.Users.FindByEmailAsync(email);
        if (person is null)
        {
            var missing = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.FullName)) missing["fullName"] = ["A new user needs a full name."];
            if (string.IsNullOrEmpty(request.Password)) missing["password"] = ["A new user needs a password."];
            if (missing.Count > 0) throw new DomainValidationException(missing);
            person = services.NewApplicationUser(new NewUser(email, request.Password!, request.FullName!.Trim()));
            membership.User = person;
            person.Memberships.Add(membership);
            await services.CreateUserAsync(person, request.Password!, "");
        }
        else
        {
            if (await services.Db.Memberships.AnyAsync(m => m.OrganisationId == id && m.UserId == person.Id, ct))
                throw new ConflictException("The user is already a member of this organisation.");
            membership.User = person;
            services.Db.Memberships.Add(membership);
            await services.Db.SaveChangesAsync(ct);
        }
        services.Logger.MemberAdded(id, person.Id, membership.Role);
        return TypedResults.Created($"/api/identity/organisations/{id}", MemberResponse.From(membership));
    }

    public static async Task<Created<ClientCreatedResponse>> CreateClient(Guid id, CreateClientRequest request, ClaimsPrincipal user, HttpContext http,
        [FromServices] IdentityServices services, [FromServices] IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        await services.RequireManagerAsync(user, id, ct);
        var clientId = $"org-{Guid.NewGuid():N}";
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var displayName = request.DisplayName!.Trim();

        // OpenIddict's store shares this context, so the application and its link to the organisation commit together.
        await using var transaction = await services.Db.Database.BeginTransactionAsync(ct);
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + ApiResources.Scope },
        }, ct);
        services.Db.OrganisationClients.Add(new OrganisationClient
        {
            ClientId = clientId, OrganisationId = id, DisplayName = displayName,
            CreatedBy = IdentityServices.UserIdOf(user) ?? Guid.Empty, CreatedAt = services.Now,
        });
        await services.Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        services.Logger.ClientCreated(id, clientId);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/identity/organisations/{id}", new ClientCreatedResponse(clientId, secret, id, displayName));
    }
}
