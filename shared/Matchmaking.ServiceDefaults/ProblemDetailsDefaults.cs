using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Matchmaking.ServiceDefaults;

internal static class ProblemDetailsDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        context.ProblemDetails.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
        context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
        context.ProblemDetails.Extensions.TryAdd("correlationId", context.HttpContext.TraceIdentifier);
        if (context.ProblemDetails is HttpValidationProblemDetails validation) CamelCaseFieldNames(validation.Errors);
    }

    /// <summary>
    /// Minimal-API validation names fields by their C# path (PriceTiers[0].UnitPriceVnd) while clients send camelCase JSON;
    /// rename each segment so the field in an error is the field in the request. JSON paths ($.x) stay as they are.
    /// </summary>
    internal static void CamelCaseFieldNames(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var renamed = CamelCasePath(key);
            if (renamed == key) continue;
            var messages = errors[key];
            errors.Remove(key);
            errors[renamed] = errors.TryGetValue(renamed, out var existing) ? [.. existing, .. messages] : messages;
        }
    }

    internal static string CamelCasePath(string path) =>
        path.StartsWith('$') ? path : string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
