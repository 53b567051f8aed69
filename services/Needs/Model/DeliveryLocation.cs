namespace Matchmaking.Needs.Model;

public enum LocationKind { Store, Warehouse, DeliveryPoint }

/// <summary>A store, warehouse or delivery point of a retailer; needs name one as where goods are delivered.</summary>
public sealed class DeliveryLocation
{
    public Guid Id { get; init; }
    public Guid RetailerId { get; init; }
    public required string Name { get; set; }
    public LocationKind Kind { get; set; }
    public string? Address { get; set; }
    public string? Commune { get; set; }
    public required string District { get; set; }
    public required string Province { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public NeedDelivery ToDelivery() => new()
    {
        Name = Name, Address = Address, Commune = Commune, District = District, Province = Province,
        Latitude = Latitude, Longitude = Longitude,
    };
}
