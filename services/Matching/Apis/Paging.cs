using System.Globalization;
using Matchmaking.ServiceDefaults;

namespace Matchmaking.Matching.Apis;

public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

/// <summary>
/// Query values arrive as text and are parsed here, so a malformed one ("page=abc") gets the same 400 naming the field
/// as an out-of-range one, together with the caller's other errors. Page 1 and 20 items unless asked.
/// </summary>
internal static class Paging
{
    public const int MaxPageSize = 100;

    public static (int Page, int PageSize) Check(string? page, string? pageSize, Dictionary<string, string[]>? errors = null)
    {
        errors ??= [];
        var p = Int(page, 1);
        var size = Int(pageSize, 20);
        if (p is null or < 1) errors["page"] = ["The page is a whole number from 1."];
        if (size is null or < 1 or > MaxPageSize) errors["pageSize"] = [$"The page size is a whole number between 1 and {MaxPageSize}."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return (p!.Value, size!.Value);
    }

    public static bool? Flag(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null) return null;
        if (bool.TryParse(value, out var flag)) return flag;
        errors[field] = ["The value is true or false."];
        return null;
    }

    private static int? Int(string? value, int fallback) =>
        value is null ? fallback : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
