using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Matchmaking.ServiceDefaults;

internal static class ProblemDetailsDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        context.ProblemDetails.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
        context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
        context.ProblemDetails.Extensions.TryAdd("correlationId", context.HttpContext.TraceIdentifier);
    }
}
