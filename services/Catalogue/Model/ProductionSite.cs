namespace Matchmaking.Catalogue.Model;

/// <summary>Where a supplier produces: a workshop in a craft village, a farm, a factory.</summary>
public sealed class ProductionSite
{
    public Guid Id { get; init; }
    public Guid SupplierId { get; init; }
    public required string Name { get; set; }
    public string? CraftVillage { get; set; }
    public string? Commune { get; set; }
    public required string District { get; set; }
    public required string Province { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
