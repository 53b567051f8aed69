using Matchmaking.Catalogue.Search;

namespace Matchmaking.Catalogue.Search.ContractTests;

/// <summary>
/// Twelve products from Hanoi's craft villages (coordinates from shared/data/craft-villages.json), chosen so that every
/// filter and facet has products on both sides, and every way a certificate can stop counting appears once.
/// </summary>
public static class FixtureProducts
{
    /// <summary>The day every contract query judges certificates on (Vietnam's date).</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset IndexedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    public static readonly Guid BatTrangVase = Id(1), KimLanTeaSet = Id(2), PhuVinhBasket = Id(3), PhuVinhTray = Id(4),
        VanPhucScarf = Id(5), BiodegradableBags = Id(6), KraftPaperBags = Id(7), HaThaiLacquerBox = Id(8),
        QuatDongEmbroidery = Id(9), SonDongStatue = Id(10), TranhKhucRiceCakes = Id(11), TamHiepRiceWine = Id(12);

    public static IReadOnlyList<SearchDocument> All { get; } =
    [
        Doc(BatTrangVase, "Gốm sứ Bát Tràng men lam", "Bat Trang blue-glaze ceramic vase", "ceramics", "plastic-free",
            "Bát Tràng", "Bát Tràng", "Gia Lâm", 20.975, 105.913, price: 85_000, moq: 100, capacity: 5_000, verified: true,
            Cert("OCOP", "4-star", "2025-01-01", "2028-01-01", state: "registry-verified")),
        // Its only certificate expired in June: it must not count for OCOP filters, facets or scores.
        Doc(KimLanTeaSet, "Bộ ấm chén gốm Kim Lan", "Kim Lan ceramic tea set", "ceramics", "recycled",
            "Kim Lan", "Kim Lan", "Gia Lâm", 20.958, 105.92, price: 250_000, moq: 50, capacity: 800, verified: false,
            Cert("OCOP", "3-star", "2023-07-01", "2026-06-30", state: "registry-verified")),
        Doc(PhuVinhBasket, "Giỏ mây tre đan Phú Vinh", "Phu Vinh rattan basket", "bamboo-rattan", "plastic-free",
            "Phú Vinh", "Phú Nghĩa", "Chương Mỹ", 20.905, 105.686, price: 45_000, moq: 200, capacity: 10_000, verified: true,
            Cert("VN_GREEN_LABEL", null, "2025-03-01", "2027-03-01", state: "document-checked")),
        // Suspended certificate: claimed, in date, but not counting.
        Doc(PhuVinhTray, "Khay mây đan Phú Vinh", "Rattan serving tray", "bamboo-rattan", "compostable",
            "Phú Vinh", "Phú Nghĩa", "Chương Mỹ", 20.905, 105.686, price: 60_000, moq: 100, capacity: 3_000, verified: false,
            Cert("VN_GREEN_LABEL", null, "2025-03-01", "2027-03-01", status: "suspended")),
        // A valid OCOP 5-star, and a Green Label that only starts counting next year.
        Doc(VanPhucScarf, "Khăn lụa tơ tằm Vạn Phúc", "Van Phuc silk scarf", "silk", "reusable",
            "Vạn Phúc", "Vạn Phúc", "Hà Đông", 20.979, 105.772, price: 350_000, moq: 20, capacity: 1_500, verified: true,
            Cert("OCOP", "5-star", "2024-05-01", "2027-05-01", state: "registry-verified"),
            Cert("VN_GREEN_LABEL", null, "2027-01-01", "2030-01-01", state: "document-checked")),
        Doc(BiodegradableBags, "Túi sinh học tự hủy", "Biodegradable shopping bags", "eco-packaging", "biodegradable",
            null, "Cự Khê", "Thanh Oai", 20.937, 105.757, price: 900, moq: 10_000, capacity: 200_000, verified: true,
            Cert("VN_GREEN_LABEL", null, "2025-06-01", null, state: "registry-verified")),
        // The supplier's Green Label does not cover this product.
        Doc(KraftPaperBags, "Túi giấy kraft tái chế", "Recycled kraft paper bags", "eco-packaging", "recycled",
            null, "Đường Lâm", "Sơn Tây", 21.156, 105.468, price: 1_500, moq: 5_000, capacity: 50_000, verified: false,
            Cert("VN_GREEN_LABEL", null, "2025-06-01", "2028-06-01", covers: false)),
        Doc(HaThaiLacquerBox, "Hộp sơn mài Hạ Thái", "Ha Thai lacquer box", "lacquerware", "plastic-free",
            "Hạ Thái", "Duyên Thái", "Thường Tín", 20.892, 105.866, price: 180_000, moq: 30, capacity: 600, verified: true,
            Cert("ISO_14001", null, "2024-01-01", null)),
        Doc(QuatDongEmbroidery, "Tranh thêu tay Quất Động", "Quat Dong hand embroidery", "embroidery-textiles", "conventional",
            "Quất Động", "Quất Động", "Thường Tín", 20.846, 105.873, price: 500_000, moq: 10, capacity: 200, verified: false),
        Doc(SonDongStatue, "Tượng gỗ Sơn Đồng", "Son Dong carved wooden statue", "wood-products", "compostable",
            "Sơn Đồng", "Sơn Đồng", "Hoài Đức", 21.045, 105.703, price: 1_200_000, moq: 5, capacity: 100, verified: true,
            Cert("FSC", "FSC 100%", "2025-02-01", "2030-02-01", state: "registry-verified")),
        Doc(TranhKhucRiceCakes, "Bánh chưng Tranh Khúc", "Tranh Khuc sticky rice cakes", "processed-food", "biodegradable",
            "Tranh Khúc", "Duyên Hà", "Thanh Trì", 20.93, 105.884, price: 70_000, moq: 500, capacity: 20_000, verified: true,
            Cert("VIETGAP", null, "2025-09-01", "2027-09-01", state: "document-checked"),
            Cert("OCOP", "3-star", "2025-01-01", "2028-01-01", state: "registry-verified")),
        Doc(TamHiepRiceWine, "Rượu nếp Tam Hiệp", "Tam Hiep glutinous rice wine", "beverages", "reusable",
            "Tam Hiệp", "Tam Hiệp", "Thanh Trì", 20.945, 105.842, price: 95_000, moq: 100, capacity: 4_000, verified: false,
            Cert("OCOP", "3-star", "2026-01-01", "2029-01-01", state: "document-checked")),
    ];

    public static SearchDocument Get(Guid id) => All.Single(d => d.ProductId == id);

    public static Guid Id(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:D12}");

    public static SearchDocument Doc(Guid id, string nameVi, string nameEn, string category, string packaging, string? village,
        string commune, string district, double lat, double lon, long price, long moq, long capacity, bool verified,
        params IndexedCertification[] certifications) => new()
    {
        ProductId = id,
        Version = 1,
        SupplierId = Guid.Parse($"10000000-0000-4000-8000-{id.ToString()[^12..]}"),
        SupplierName = $"HTX {village ?? district}",
        SupplierVerified = verified,
        NameVi = nameVi,
        NameEn = nameEn,
        DescriptionVi = $"{nameVi}, sản phẩm làng nghề Hà Nội.",
        DescriptionEn = $"{nameEn}, a Hanoi craft-village product.",
        Category = category,
        Unit = "piece",
        MinUnitPriceVnd = price,
        MaxUnitPriceVnd = price + price / 5,
        MinimumOrderQuantity = moq,
        MonthlyCapacity = capacity,
        LeadTimeDays = 14,
        Packaging = packaging,
        CraftVillage = village,
        Commune = commune,
        District = district,
        Province = "Hà Nội",
        Latitude = lat,
        Longitude = lon,
        Certifications = certifications,
        IndexedAt = IndexedAt,
    };

    public static IndexedCertification Cert(string scheme, string? level, string from, string? until, string status = "active",
        string state = "self-declared", bool covers = true) =>
        new(scheme, level, DateOnly.Parse(from), until is null ? null : DateOnly.Parse(until), status, state, covers);

    /// <summary>What a filter must return, computed from the fixture itself.</summary>
    public static HashSet<Guid> Where(Func<SearchDocument, bool> predicate) => [.. All.Where(predicate).Select(d => d.ProductId)];
}
