namespace Matchmaking.DemoData;

public sealed record DemoProduct(
    string NameVi, string NameEn, string DescriptionVi, string Category, string Unit, long[][] PriceTiers,
    long MinimumOrderQuantity, long MonthlyCapacity, int LeadTimeDays, string Packaging, string? TraceabilityCode = null);

public sealed record DemoCertificate(string SchemeCode, string Number, string Issuer, string? Level, int MonthsValid, bool Verified);

/// <summary>InCraftVillage: the workshop is part of the village's craft (a packaging plant nearby is not).</summary>
public sealed record DemoSupplier(
    bool InCraftVillage, string Email, string LegalName, string TaxCode, string Village, string Street, string ContactName, string Phone,
    string DisplayName, string Description, DemoCertificate[] Certificates, DemoProduct[] Products);

public sealed record DemoNeed(
    string Title, string Description, string Category, string[] Keywords, string[] RequiredSchemes, string[] PreferredSchemes,
    int? MinimumOcopStars, long QuantityPerMonth, string Unit, long? MaxUnitPriceVnd, double? MaxDistanceKm, string[] Packaging,
    int? MaxLeadTimeDays);

/// <summary>A small network of real Hanoi craft villages, a retailer and the programme office, as the start command loads it.</summary>
public static class DemoNetwork
{
    public const string Password = "Demo@12345";
    public const string ProgrammeOfficeEmail = "office@greenlink.demo";

    public static readonly DemoSupplier[] Suppliers =
    [
        new(true, "owner@gom-bat-trang.demo", "Công ty TNHH Gốm sứ Bát Tràng Xanh", "0101234567", "Bát Tràng", "Xóm 3, thôn Giang Cao",
            "Nguyễn Văn Hùng", "0912345678", "Gốm sứ Bát Tràng Xanh",
            "Xưởng gốm gia đình ba đời ở Bát Tràng; men tro tự nhiên, lò gas tiết kiệm năng lượng, đóng gói bằng rơm và giấy tái chế.",
            [new("OCOP", "OCOP-HN-2025-0412", "UBND Thành phố Hà Nội", "4-star", 36, true)],
            [
                new("Bộ ấm chén gốm sứ Bát Tràng men lam", "Bat Trang blue-glaze ceramic tea set",
                    "Bộ ấm chén 6 món vẽ tay men lam truyền thống, nung 1.250°C, đóng gói bằng rơm và hộp giấy tái chế, không dùng xốp nhựa.",
                    "ceramics", "bộ", [[10, 450_000], [100, 390_000]], 10, 600, 14, "plastic-free", "893-BT-0001"),
                new("Bình hoa gốm men rạn Bát Tràng", "Bat Trang crackle-glaze vase",
                    "Bình hoa cao 30 cm, men rạn cổ, phù hợp quầy quà tặng; đóng gói giấy tái chế.",
                    "ceramics", "chiếc", [[20, 280_000], [200, 240_000]], 20, 1_000, 10, "plastic-free"),
            ]),
        new(true, "owner@may-tre-phu-vinh.demo", "Hợp tác xã Mây tre đan Phú Vinh", "0107654321", "Phú Vinh", "Thôn Phú Vinh, xã Phú Nghĩa",
            "Trần Thị Lan", "0987654321", "HTX Mây tre đan Phú Vinh",
            "Hợp tác xã 120 hộ thợ mây tre đan; nguyên liệu tre, mây, cói từ vùng trồng có quản lý bền vững.",
            [new("VN_GREEN_LABEL", "QĐ 1234/2025", "Bộ Tài nguyên và Môi trường", null, 36, false)],
            [
                new("Giỏ mây đan thủ công đựng rau củ", "Hand-woven rattan produce basket",
                    "Giỏ mây đan tay, thay túi nilon cho quầy rau củ siêu thị; bền, giặt được, dùng nhiều lần.",
                    "bamboo-rattan", "chiếc", [[100, 65_000], [1_000, 52_000]], 100, 8_000, 21, "reusable"),
                new("Ống hút tre tự nhiên", "Natural bamboo drinking straws",
                    "Ống hút tre rửa được, thay ống hút nhựa dùng một lần; bó 10 chiếc bằng dây cói.",
                    "eco-packaging", "bó 10 chiếc", [[200, 25_000], [2_000, 19_000]], 200, 20_000, 14, "plastic-free"),
            ]),
        new(true, "owner@lua-van-phuc.demo", "Công ty TNHH Lụa tơ tằm Vạn Phúc", "0109876543-001", "Vạn Phúc", "Số 12 phố Vạn Phúc",
            "Lê Minh Châu", "0904111222", "Lụa Vạn Phúc",
            "Dệt lụa tơ tằm trên khung cửi truyền thống ở làng Vạn Phúc, nhuộm màu tự nhiên.",
            [new("OCOP", "OCOP-HN-2024-0088", "UBND Thành phố Hà Nội", "5-star", 36, true)],
            [
                new("Khăn lụa tơ tằm Vạn Phúc nhuộm tự nhiên", "Van Phuc natural-dye silk scarf",
                    "Khăn lụa 100% tơ tằm, nhuộm lá bàng và vỏ cây; hộp giấy thủ công.",
                    "silk", "chiếc", [[10, 320_000], [100, 280_000]], 10, 1_500, 20, "plastic-free"),
            ]),
        new(false, "owner@bao-bi-xanh.demo", "Công ty Cổ phần Bao bì Sinh học Xanh", "0108889990", "Ninh Hiệp", "Cụm công nghiệp Ninh Hiệp",
            "Phạm Quốc Bảo", "0933444555", "Bao bì Sinh học Xanh",
            "Sản xuất túi và bao bì phân hủy sinh học từ tinh bột sắn cho chuỗi bán lẻ.",
            [new("VN_GREEN_LABEL", "QĐ 2025/2024", "Bộ Tài nguyên và Môi trường", null, 36, true)],
            [
                new("Túi phân hủy sinh học đựng hàng siêu thị", "Biodegradable supermarket shopping bag",
                    "Túi từ tinh bột sắn, phân hủy hoàn toàn trong 6 tháng; in logo theo yêu cầu; đạt Nhãn Xanh Việt Nam.",
                    "eco-packaging", "chiếc", [[5_000, 1_150], [50_000, 980]], 5_000, 500_000, 7, "biodegradable"),
            ]),
    ];

    public static readonly (string Email, string LegalName, string TaxCode, string Street, string District, string ContactName, string Phone) Retailer =
        ("buyer@sieuthi-xanh.demo", "Công ty Cổ phần Chuỗi Siêu thị Xanh Hà Nội", "0105556667", "Số 1 đường Nguyễn Văn Cừ", "Long Biên",
         "Đỗ Thu Hà", "0911222333");

    /// <summary>The retailer's store in Long Biên, where its needs are delivered (Bồ Đề ward).</summary>
    public static readonly (string Name, string Address, string Commune, string District, double Latitude, double Longitude) RetailerStore =
        ("Siêu thị Xanh Long Biên", "Số 1 đường Nguyễn Văn Cừ", "Bồ Đề", "Long Biên", 21.0437, 105.8736);

    public static readonly string[] RetailerCommitments = ["no-single-use-plastic-bags", "eco-packaging", "eco-labelled-products", "packaging-take-back"];

    public static readonly DemoNeed[] Needs =
    [
        new("Túi phân hủy sinh học đựng hàng cho quầy thu ngân",
            "Thay toàn bộ túi ni lông ở quầy thu ngân các cửa hàng; in logo Siêu thị Xanh; giao hàng tháng về cửa hàng Long Biên.",
            "eco-packaging", ["túi", "phân hủy sinh học", "túi đựng hàng"], ["VN_GREEN_LABEL"], [], null,
            20_000, "chiếc", 1_200, 50, [], 14),
        new("Giỏ mây tre đan thay túi ni lông cho quầy rau củ",
            "Giỏ dùng nhiều lần cho khách mua rau củ; ưu tiên sản phẩm có Nhãn Xanh hoặc OCOP.",
            "bamboo-rattan", ["giỏ", "mây tre đan", "rau củ"], [], ["VN_GREEN_LABEL", "OCOP"], null,
            1_000, "chiếc", 70_000, 80, ["reusable", "plastic-free"], 30),
        new("Bộ ấm chén gốm sứ làm quà Tết",
            "Bộ ấm chén gốm Bát Tràng cho quầy quà tặng Tết; đóng gói không dùng xốp nhựa.",
            "ceramics", ["ấm chén", "gốm sứ", "quà tặng"], ["OCOP"], [], 4,
            100, "bộ", 450_000, 100, ["plastic-free"], 21),
    ];
}
