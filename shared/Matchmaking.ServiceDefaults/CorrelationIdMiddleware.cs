using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Matchmaking.ServiceDefaults;

/// <summary>
/// Takes the caller's X-Correlation-Id (the gateway sets one) or makes one, echoes it, puts it in every
/// log line's scope and in the activity baggage, from where the outbox carries it onto events.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers[Header].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 128 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            id = Guid.NewGuid().ToString("N");
        context.Request.Headers[Header] = id;
        context.Response.Headers[Header] = id;
        context.TraceIdentifier = id;
        Activity.Current?.SetBaggage("correlation.id", id);
        Activity.Current?.SetTag("correlation.id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
