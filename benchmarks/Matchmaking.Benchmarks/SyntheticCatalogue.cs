using Matchmaking.Catalogue.Search;
using Matchmaking.DemoData;

namespace Matchmaking.Benchmarks;

/// <summary>
/// Realistic synthetic products: Vietnamese names built from each category's vocabulary and the craft villages that
/// make them, English names, price tiers, capacities, packaging and certificates (some expired, some self-declared).
/// Seeded, so every run indexes the same catalogue.
/// </summary>
public static class SyntheticCatalogue
{
    private sealed record Vocabulary(string Category, string[] Items, string[] Materials, string[] ItemsEn, string[] Villages, long PriceFrom, long PriceTo);

    private static readonly Vocabulary[] Vocabularies =
    [
        new("ceramics", ["Bình hoa", "Bộ ấm chén", "Bát ăn cơm", "Đĩa", "Lọ cắm hoa", "Chum", "Cốc"], ["gốm sứ", "gốm men lam", "gốm men rạn", "gốm men tro"],
            ["vase", "tea set", "rice bowl", "plate", "flower jar", "jar", "mug"], ["Bát Tràng", "Kim Lan", "Giang Cao"], 20_000, 900_000),
        new("bamboo-rattan", ["Giỏ", "Khay", "Làn đi chợ", "Hộp đựng", "Chao đèn", "Rổ"], ["mây tre đan", "mây", "tre", "cói", "lục bình"],
            ["basket", "tray", "shopping basket", "storage box", "lampshade", "sieve"], ["Phú Vinh"], 15_000, 400_000),
        new("silk", ["Khăn", "Áo dài", "Cà vạt", "Túi", "Vải"], ["lụa tơ tằm", "lụa", "the", "lụa nhuộm tự nhiên"],
            ["scarf", "ao dai", "tie", "bag", "fabric"], ["Vạn Phúc"], 120_000, 2_500_000),
        new("lacquerware", ["Tranh", "Hộp", "Khay", "Bình", "Đĩa"], ["sơn mài", "sơn ta", "sơn mài khảm trứng"],
            ["painting", "box", "tray", "vase", "plate"], ["Hạ Thái"], 80_000, 3_000_000),
        new("embroidery-textiles", ["Tranh thêu", "Khăn trải bàn", "Vỏ gối", "Túi vải"], ["thêu tay", "thêu chữ thập", "vải lanh"],
            ["embroidered picture", "tablecloth", "pillow case", "tote bag"], ["Quất Động"], 50_000, 1_500_000),
        new("wood-products", ["Tượng", "Hộp", "Thớt", "Muỗng", "Khay"], ["gỗ", "gỗ tái chế", "gỗ nhãn", "gỗ mít"],
            ["statue", "box", "chopping board", "spoon", "tray"], ["Sơn Đồng", "Chàng Sơn"], 30_000, 2_000_000),
        new("processed-food", ["Bánh chưng", "Nước tương", "Miến dong", "Chè lam", "Tương bần"], ["truyền thống", "hữu cơ", "thủ công"],
            ["rice cake", "soy sauce", "glass noodles", "sweet rice cake", "fermented soybean"], ["Tranh Khúc", "Cự Đà", "Đường Lâm"], 10_000, 200_000),
        new("eco-packaging", ["Túi", "Hộp", "Ống hút", "Khay", "Cốc"], ["phân hủy sinh học", "bã mía", "giấy tái chế", "tre", "lá chuối"],
            ["bag", "box", "straw", "tray", "cup"], ["Ninh Hiệp", "Phù Đổng"], 500, 15_000),
        new("household-goods", ["Nón lá", "Chổi", "Thảm", "Mành"], ["lá cọ", "tre", "cói", "xơ dừa"],
            ["conical hat", "broom", "mat", "blind"], ["Vĩnh Thịnh", "Phú Vinh"], 20_000, 300_000),
        new("handicraft-gifts", ["Hoa giấy", "Quạt", "Tranh khảm trai", "Đèn lồng"], ["thủ công", "khảm trai", "giấy dó"],
            ["paper flowers", "fan", "mother-of-pearl picture", "lantern"], ["Phù Đổng", "Chuyên Mỹ"], 25_000, 1_200_000),
        new("beverages", ["Rượu", "Trà", "Nước cốt"], ["truyền thống", "thảo mộc", "hữu cơ"], ["rice wine", "tea", "extract"], ["Tam Hiệp"], 40_000, 500_000),
        new("fresh-produce", ["Rau", "Gạo", "Cam", "Bưởi"], ["hữu cơ", "VietGAP", "sạch"], ["vegetables", "rice", "orange", "pomelo"], ["Yên Mỹ"], 10_000, 120_000),
    ];

    private static readonly string[] Packagings = ["plastic-free", "biodegradable", "compostable", "recycled", "reusable", "conventional"];
    private static readonly (string Scheme, string? Level)[] Schemes =
        [("OCOP", "3-star"), ("OCOP", "4-star"), ("OCOP", "5-star"), ("VN_GREEN_LABEL", null), ("VIETGAP", null), ("VN_ORGANIC", null), ("FSC", "FSC Mix"), ("ISO_14001", null)];
    private static readonly string[] Verifications = ["self-declared", "document-checked", "registry-verified"];

    public static IEnumerable<SearchDocument> Generate(int count, DateOnly today, int seed = 20261123)
    {
        var random = new Random(seed);
        var suppliers = Enumerable.Range(0, Math.Max(1, count / 40)).Select(i => (Id: Guid.NewGuid(), Name: $"Cơ sở sản xuất xanh số {i + 1}", Verified: random.NextDouble() < 0.7)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var v = Vocabularies[random.Next(Vocabularies.Length)];
            var item = random.Next(v.Items.Length);
            var material = v.Materials[random.Next(v.Materials.Length)];
            var village = CraftVillages.ByName[v.Villages[random.Next(v.Villages.Length)]];
            var supplier = suppliers[random.Next(suppliers.Length)];
            var price = (long)(v.PriceFrom + random.NextDouble() * (v.PriceTo - v.PriceFrom)) / 500 * 500 + 500;
            var moq = new long[] { 10, 20, 50, 100, 500, 1_000, 5_000 }[random.Next(7)];
            yield return new SearchDocument
            {
                ProductId = Guid.CreateVersion7(),
                Version = 1,
                SupplierId = supplier.Id,
                SupplierName = supplier.Name,
                SupplierVerified = supplier.Verified,
                NameVi = $"{v.Items[item]} {material} {village.Name}",
                NameEn = $"{village.Name} {v.ItemsEn[item]}",
                DescriptionVi = $"{v.Items[item]} {material} làm thủ công tại làng {village.Name}, {village.District}. Mẫu {i % 97 + 1}, sản xuất theo đơn đặt hàng của siêu thị.",
                Category = v.Category,
                Unit = "chiếc",
                MinUnitPriceVnd = price * 85 / 100,
                MaxUnitPriceVnd = price,
                MinimumOrderQuantity = moq,
                MonthlyCapacity = moq * random.Next(10, 400),
                LeadTimeDays = random.Next(3, 45),
                Packaging = Packagings[random.Next(Packagings.Length)],
                CraftVillage = village.Name,
                Commune = village.Commune,
                District = village.District,
                Province = village.Province,
                Latitude = village.Lat + (random.NextDouble() - 0.5) * 0.02,
                Longitude = village.Lon + (random.NextDouble() - 0.5) * 0.02,
                Certifications = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ =>
                {
                    var (scheme, level) = Schemes[random.Next(Schemes.Length)];
                    var from = today.AddDays(-random.Next(30, 1000));
                    return new IndexedCertification(scheme, level, from, from.AddDays(random.Next(200, 1500)),
                        random.NextDouble() < 0.95 ? "active" : "suspended", Verifications[random.Next(3)], random.NextDouble() < 0.97);
                })],
                IndexedAt = DateTimeOffset.UtcNow,
            };
        }
    }
}
