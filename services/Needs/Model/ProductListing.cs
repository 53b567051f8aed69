namespace Matchmaking.Needs.Model;

/// <summary>
/// The little this service knows of a catalogue product, kept from the catalogue's product events so shortlists can
/// check product ids and show names without calling the catalogue. Only the highest version seen is kept; a withdrawal
/// of a product never seen leaves a nameless tombstone, so a late, older publication cannot bring it back.
/// </summary>
public sealed class ProductListing
{
    public Guid Id { get; init; }
    public Guid SupplierId { get; set; }
    public string SupplierName { get; set; } = "";
    public string NameVi { get; set; } = "";
    public string Category { get; set; } = "";
    public string Unit { get; set; } = "";
    public bool Available { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL xmin: two deliveries racing on the same product cannot both win.</summary>
    public uint RowVersion { get; private set; }
}
