using System.Globalization;
using Matchmaking.ServiceDefaults;

namespace Matchmaking.Needs.Apis;

/// <summary>Collects field errors (camelCase, as in the request) and throws them as one 400.</summary>
internal sealed class FieldErrors
{
    public const int MaxPageSize = 100;
    /// <summary>Deep pages cost a scan of everything before them; nobody pages through ten thousand pages of needs.</summary>
    public const int MaxPage = 10_000;
    private readonly Dictionary<string, List<string>> _errors = [];

    public void Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(error);
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new DomainValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>A query-string integer, so that "abc" is a 400 naming its field rather than a bare binding failure.</summary>
    public int? Int(string field, string? raw, int min, int max)
    {
        if (raw is null) return null;
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Add(field, max == int.MaxValue ? $"A whole number, {min} or more." : $"A whole number from {min} to {max}.");
        return null;
    }

    public (int Page, int PageSize) Paging(string? page, string? pageSize) =>
        (Int("page", page, 1, MaxPage) ?? 1, Int("pageSize", pageSize, 1, MaxPageSize) ?? 20);
}

