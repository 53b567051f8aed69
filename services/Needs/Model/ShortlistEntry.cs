namespace Matchmaking.Needs.Model;

/// <summary>A product a retailer keeps in view for one of its needs, with its own note. Private to the retailer.</summary>
public sealed class ShortlistEntry
{
    public Guid NeedId { get; init; }
    public Guid ProductId { get; init; }
    public string? Note { get; set; }
    public DateTimeOffset AddedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
