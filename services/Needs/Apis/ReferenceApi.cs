using Matchmaking.Contracts.Needs;
using Matchmaking.Needs.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Needs.Apis;

/// <summary>Reference data a client needs to fill in a retailer profile; public.</summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/needs/reference").WithTags("Reference data").AllowAnonymous();

        api.MapGet("/commitments", ListCommitments).WithName("ListSustainabilityCommitments")
            .WithSummary("Sustainability commitments a retailer can make, with Vietnamese and English labels");
        return app;
    }

    public static Ok<IReadOnlyList<SustainabilityCommitment>> ListCommitments() => TypedResults.Ok(ReferenceData.Commitments);
}
