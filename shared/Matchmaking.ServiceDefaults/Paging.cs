using System.Globalization;

namespace Matchmaking.ServiceDefaults;

/// <summary>One page of a list, as every service's list endpoints return it.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

/// <summary>
/// Query values arrive as text and are parsed here, so a malformed one ("page=abc") gets the same 400 naming the field
/// as an out-of-range one, together with the caller's other errors. Page 1 and 20 items unless asked.
/// </summary>
public static class Paging
{
    public const int MaxPageSize = 100;
    /// <summary>Deep pages cost a scan of everything before them; nobody pages through ten thousand pages.</summary>
    public const int MaxPage = 10_000;

    /// <summary>The page and its size, or a 400 with every error collected so far in <paramref name="errors"/>.</summary>
    public static (int Page, int PageSize) Check(string? page, string? pageSize, Dictionary<string, string[]>? errors = null)
    {
        errors ??= [];
        var p = Int(page, 1);
        var size = Int(pageSize, 20);
        if (p is null or < 1 or > MaxPage) errors["page"] = [$"The page is a whole number from 1 to {MaxPage}."];
        if (size is null or < 1 or > MaxPageSize) errors["pageSize"] = [$"The page size is a whole number between 1 and {MaxPageSize}."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return (p!.Value, size!.Value);
    }

    /// <summary>An optional true/false query value; a malformed one is added to <paramref name="errors"/>.</summary>
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
