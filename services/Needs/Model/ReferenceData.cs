using Matchmaking.Contracts.Needs;

namespace Matchmaking.Needs.Model;

/// <summary>
/// The fixed code lists a need or a retailer profile may name. The needs service does not call the catalogue for them:
/// they change with a deployment, not at run time, and an unknown code must be refused before anything is stored.
/// </summary>
public static class ReferenceData
{
    /// <summary>The catalogue's category slugs (services/Catalogue/Model/ProductCategories.cs, from ../shared/data/craft-villages.json).</summary>
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        "ceramics", "bamboo-rattan", "lacquerware", "embroidery-textiles", "silk", "wood-products",
        "processed-food", "fresh-produce", "beverages", "eco-packaging", "household-goods", "handicraft-gifts",
    };

    /// <summary>Scheme codes; mirrors ../shared/data/certification-schemes.json (the catalogue seeds its schemes from the same list).</summary>
    public static readonly IReadOnlySet<string> Schemes = new HashSet<string>(StringComparer.Ordinal)
    {
        "OCOP", "VN_GREEN_LABEL", "VIETGAP", "VN_ORGANIC", "TRACE_TCVN_12850",
        "FSC", "EU_ECOLABEL", "ISO_14001", "FAIRTRADE", "CLEANER_PRODUCTION",
    };

    /// <summary>Packaging codes as the catalogue spells its Packaging values in products and events.</summary>
    public static readonly IReadOnlySet<string> Packaging = new HashSet<string>(StringComparer.Ordinal)
    {
        "plastic-free", "biodegradable", "compostable", "recycled", "reusable", "conventional",
    };

    /// <summary>Sustainability commitments a retailer can make; the list travels with the event contracts.</summary>
    public static IReadOnlyList<SustainabilityCommitment> Commitments => SustainabilityCommitments.All;

    public static bool IsCommitment(string? code) => SustainabilityCommitments.Find(code) is not null;
}
