namespace Matchmaking.Catalogue.Model;

public sealed record ProductCategory(string Slug, string NameVi, string NameEn);

/// <summary>The fixed category list; slugs are what products, needs and facets carry.</summary>
public static class ProductCategories
{
    // The programme's own category list (../shared/data/craft-villages.json, product_categories), with its labels.
    public static readonly IReadOnlyList<ProductCategory> All =
    [
        new("ceramics", "Gốm sứ", "Ceramics"),
        new("bamboo-rattan", "Mây tre đan", "Bamboo and rattan"),
        new("lacquerware", "Sơn mài", "Lacquerware"),
        new("embroidery-textiles", "Thêu ren, dệt may", "Embroidery and textiles"),
        new("silk", "Lụa tơ tằm", "Silk"),
        new("wood-products", "Đồ gỗ", "Wood products"),
        new("processed-food", "Thực phẩm chế biến", "Processed food"),
        new("fresh-produce", "Nông sản tươi", "Fresh produce"),
        new("beverages", "Đồ uống", "Beverages"),
        new("eco-packaging", "Bao bì thân thiện môi trường", "Eco-friendly packaging"),
        new("household-goods", "Đồ gia dụng", "Household goods"),
        new("handicraft-gifts", "Quà tặng thủ công mỹ nghệ", "Handicraft gifts"),
    ];

    private static readonly HashSet<string> Slugs = [.. All.Select(c => c.Slug)];

    public static bool IsKnown(string? slug) => slug is not null && Slugs.Contains(slug);
}
