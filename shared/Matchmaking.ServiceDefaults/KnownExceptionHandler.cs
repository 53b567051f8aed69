using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Matchmaking.ServiceDefaults;

/// <summary>Maps the failures we can name to RFC 9457 problem details; the rest fall through to a plain 500.</summary>
public sealed class KnownExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            DomainValidationException e => new HttpValidationProblemDetails(e.Errors) { Status = 400, Title = e.Message },
            BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request is malformed.", Detail = e.Message },
            NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found.", Detail = e.Message },
            ForbiddenException e => new ProblemDetails { Status = 403, Title = "Forbidden.", Detail = e.Message },
            ConflictException e => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = e.Message },
            DbUpdateConcurrencyException => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = "The resource was changed by someone else; reload and try again." },
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                new ProblemDetails { Status = 409, Title = "Conflict.", Detail = "A resource with the same identifying values already exists." },
            _ => null,
        };
        if (problem is null) return false;

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails MalformedJson(JsonException json)
    {
        // The path ($.priceTiers[0].unitPriceVnd) names the field; the message says what was wrong without echoing the value.
        var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var reason = json.Path is null ? "The body is not valid JSON." : "The value has the wrong type or format.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = 400,
            Title = "The request body could not be read.",
        };
    }
}
