namespace Matchmaking.Catalogue.Model;

public sealed record ProductCategory(string Slug, string NameVi, string NameEn);

/// <summary>The fixed category list; slugs are what products, needs and facets carry.</summary>
public static class ProductCategories
{
    public static readonly IReadOnlyList<ProductCategory> All =
    [
        new("ceramics", "Gốm sứ", "Ceramics"),
        new("bamboo-rattan", "Mây tre đan", "Bamboo and rattan"),
        new("textiles-silk", "Dệt may, lụa", "Textiles and silk"),
        new("lacquerware", "Sơn mài", "Lacquerware"),
        new("embroidery", "Thêu ren", "Embroidery"),
        new("wood-products", "Đồ gỗ", "Wood products"),
        new("biodegradable-packaging", "Bao bì tự hủy sinh học", "Biodegradable packaging"),
        new("organic-food", "Thực phẩm hữu cơ", "Organic food"),
        new("processed-food", "Thực phẩm chế biến", "Processed food"),
        new("agricultural-produce", "Nông sản", "Agricultural produce"),
        new("household-goods", "Đồ gia dụng", "Household goods"),
        new("handicrafts", "Hàng thủ công mỹ nghệ", "Handicrafts"),
    ];

    private static readonly HashSet<string> Slugs = [.. All.Select(c => c.Slug)];

    public static bool IsKnown(string? slug) => slug is not null && Slugs.Contains(slug);
}
