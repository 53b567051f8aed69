using System.Security.Cryptography;
using System.Text;
using Matchmaking.Catalogue.Search;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>
/// A fixture catalogue of realistic green products from Hanoi's craft villages (coordinates from
/// shared/data/craft-villages.json), loaded straight into the search index of one catalogue instance.
/// </summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public CatalogueFactory Factory { get; } = new();

    public sealed record Place(string? Village, string? Commune, string District, double Lat, double Lon);

    public static readonly Place BatTrang = new("Bát Tràng", "Bát Tràng", "Gia Lâm", 20.975, 105.913);
    public static readonly Place GiangCao = new("Giang Cao", "Bát Tràng", "Gia Lâm", 20.97, 105.923);
    public static readonly Place KimLan = new("Kim Lan", "Kim Lan", "Gia Lâm", 20.958, 105.92);
    public static readonly Place PhuDong = new("Phù Đổng", "Phù Đổng", "Gia Lâm", 21.06, 105.958);
    public static readonly Place PhuVinh = new("Phú Vinh", "Phú Nghĩa", "Chương Mỹ", 20.905, 105.686);
    public static readonly Place VanPhuc = new("Vạn Phúc", "Vạn Phúc", "Hà Đông", 20.979, 105.772);
    public static readonly Place HaThai = new("Hạ Thái", "Duyên Thái", "Thường Tín", 20.892, 105.866);
    public static readonly Place QuatDong = new("Quất Động", "Quất Động", "Thường Tín", 20.846, 105.873);
    public static readonly Place ChuyenMy = new("Chuyên Mỹ", "Chuyên Mỹ", "Phú Xuyên", 20.748, 105.885);
    public static readonly Place SonDong = new("Sơn Đồng", "Sơn Đồng", "Hoài Đức", 21.045, 105.703);
    public static readonly Place ChangSon = new("Chàng Sơn", "Chàng Sơn", "Thạch Thất", 21.043, 105.578);
    public static readonly Place VinhThinh = new("Vĩnh Thịnh", "Đại Áng", "Thanh Trì", 20.906, 105.834);
    public static readonly Place TranhKhuc = new("Tranh Khúc", "Duyên Hà", "Thanh Trì", 20.93, 105.884);
    public static readonly Place TamHiep = new("Tam Hiệp", "Tam Hiệp", "Thanh Trì", 20.945, 105.842);
    public static readonly Place YenMy = new("Yên Mỹ", "Yên Mỹ", "Thanh Trì", 20.922, 105.874);
    public static readonly Place CuDa = new("Cự Đà", "Cự Khê", "Thanh Oai", 20.937, 105.757);
    public static readonly Place DuongLam = new("Đường Lâm", "Đường Lâm", "Sơn Tây", 21.156, 105.468);
    public static readonly Place DongAnhPlant = new(null, "Nguyên Khê", "Đông Anh", 21.136, 105.849);
    public static readonly Place LongBien = new(null, null, "Long Biên", 21.046, 105.888);

    private static DateOnly Today => TestData.Today;
    private static IndexedCertification Ocop(int stars, string verification = "registry-verified") =>
        new("OCOP", $"{stars}-star", Today.AddDays(-200), Today.AddDays(800), "active", verification, true);
    private static IndexedCertification Cert(string scheme, string verification = "document-checked", int validForDays = 500) =>
        new(scheme, null, Today.AddDays(-300), Today.AddDays(validForDays), "active", verification, true);
    private static readonly IndexedCertification ExpiredGreenLabel =
        new("VN_GREEN_LABEL", null, Today.AddDays(-700), Today.AddDays(-1), "active", "registry-verified", true);

    // Declared before Documents: static fields initialise in textual order and Doc() fills this.
    private static readonly Dictionary<Guid, string> Keys = [];

    public static readonly IReadOnlyList<SearchDocument> Documents =
    [
        Doc("bt-vase", "Bình gốm sứ Bát Tràng men lam", "Bát Tràng blue-glaze ceramic vase", "Bình gốm sứ vẽ tay men lam, nung 1.200 độ C, đóng gói giấy tái chế.", "Hand-painted porcelain vase.", "ceramics", BatTrang, "plastic-free", 160_000, 50, 3_000, "Gốm sứ Minh Long Bát Tràng", true, Ocop(4)),
        Doc("bt-tea", "Bộ ấm chén gốm sứ Bát Tràng men rạn", "Bát Tràng crackle-glaze tea set", "Bộ ấm trà sáu chén, men rạn cổ, hộp gỗ tái sử dụng.", "Six-cup tea set in a reusable wooden box.", "ceramics", BatTrang, "reusable", 450_000, 20, 800, "Gốm Quang Vinh", true, Ocop(5)),
        Doc("bt-bowl", "Bát ăn cơm gốm Bát Tràng men hoa lam", "Bát Tràng rice bowls", "Bát gốm sứ men hoa lam dùng hằng ngày cho nhà hàng.", "Everyday porcelain rice bowls for restaurants.", "ceramics", BatTrang, "recycled", 25_000, 500, 20_000, "Xưởng gốm Hợp Thành", false),
        Doc("gc-plate", "Đĩa gốm men ngọc Giang Cao", "Giang Cao celadon plate", "Đĩa men ngọc làm tại làng Giang Cao, xã Bát Tràng.", "Celadon plates.", "ceramics", GiangCao, "plastic-free", 60_000, 100, 5_000, "Gốm Giang Cao", true, Cert("VN_GREEN_LABEL", "registry-verified")),
        Doc("kl-pot", "Chậu gốm trồng cây Kim Lan", "Kim Lan ceramic planter", "Chậu gốm nung mộc cho cây cảnh.", "Unglazed planters.", "ceramics", KimLan, "conventional", 90_000, 50, 2_000, "Gốm Kim Lan", false),
        Doc("kl-jar", "Hũ gốm đựng gạo Kim Lan", "Kim Lan ceramic rice jar", "Hũ gốm có nắp đựng gạo, muối, dưa.", "Lidded storage jar.", "ceramics", KimLan, "recycled", 120_000, 30, 1_500, "Gốm Kim Lan", false),
        Doc("pv-basket", "Giỏ mây tre đan Phú Vinh", "Phú Vinh rattan storage basket", "Giỏ đựng đồ đan tay từ mây tự nhiên, khung tre.", "Hand-woven natural rattan basket on a bamboo frame.", "bamboo-rattan", PhuVinh, "plastic-free", 85_000, 100, 4_000, "HTX Mây tre đan Phú Vinh", true, Ocop(4)),
        Doc("pv-tray", "Khay mây đan hình chữ nhật", "Woven rattan tray", "Khay mây đan dùng trong khách sạn và nhà hàng.", "Rectangular tray for hotels.", "bamboo-rattan", PhuVinh, "compostable", 70_000, 100, 3_000, "HTX Mây tre đan Phú Vinh", true, Ocop(3, "document-checked")),
        Doc("pv-lamp", "Chụp đèn tre đan thủ công", "Hand-woven bamboo lampshade", "Chụp đèn đan từ nan tre già.", "Lampshade woven from mature bamboo strips.", "bamboo-rattan", PhuVinh, "plastic-free", 150_000, 20, 600, "Tre Việt Phú Vinh", false),
        Doc("pv-straw", "Ống hút tre tự nhiên", "Natural bamboo drinking straws", "Ống hút tre rửa được, thay thế ống hút nhựa.", "Washable straws replacing plastic ones.", "bamboo-rattan", PhuVinh, "compostable", 2_500, 1_000, 100_000, "Tre Việt Phú Vinh", true, Cert("VN_GREEN_LABEL")),
        Doc("vp-scarf", "Khăn lụa tơ tằm Vạn Phúc", "Vạn Phúc mulberry silk scarf", "Khăn lụa tơ tằm dệt tại làng lụa Vạn Phúc, nhuộm màu tự nhiên.", "Naturally dyed mulberry silk scarf.", "silk", VanPhuc, "reusable", 350_000, 20, 1_000, "Lụa Vạn Phúc Hà Đông", true, Ocop(5)),
        Doc("vp-fabric", "Vải lụa tơ tằm dệt thủ công", "Handwoven silk fabric", "Vải lụa khổ 90 cm, bán theo mét.", "Silk fabric sold by the metre.", "silk", VanPhuc, "recycled", 280_000, 50, 2_000, "Lụa Vạn Phúc Hà Đông", true, Ocop(4)),
        Doc("vp-tie", "Cà vạt lụa Vạn Phúc", "Vạn Phúc silk necktie", "Cà vạt lụa hoa văn truyền thống.", "Traditional pattern necktie.", "silk", VanPhuc, "conventional", 220_000, 30, 1_000, "Lụa Hồng Vạn Phúc", false),
        Doc("ht-box", "Hộp sơn mài khảm trai Hạ Thái", "Hạ Thái lacquer box with mother-of-pearl inlay", "Hộp sơn mài truyền thống khảm vỏ trai.", "Traditional lacquer box.", "lacquerware", HaThai, "plastic-free", 260_000, 20, 500, "Sơn mài Hạ Thái", true, Ocop(4)),
        Doc("ht-tray", "Khay sơn mài vẽ tay", "Hand-painted lacquer tray", "Khay sơn mài vẽ hoa sen.", "Lotus-painted tray.", "lacquerware", HaThai, "recycled", 190_000, 20, 800, "Sơn mài Duyên Thái", false),
        Doc("ht-vase", "Bình sơn mài Hạ Thái", "Hạ Thái lacquered vase", "Bình sơn mài cao 40 cm.", "40 cm lacquered vase.", "lacquerware", HaThai, "conventional", 320_000, 10, 300, "Sơn mài Duyên Thái", false),
        Doc("vt-hat", "Nón lá Vĩnh Thịnh", "Vĩnh Thịnh conical palm-leaf hat", "Nón lá khâu tay từ lá cọ, vành tre.", "Hand-stitched palm-leaf hat.", "handicraft-gifts", VinhThinh, "compostable", 45_000, 100, 5_000, "Nón lá Vĩnh Thịnh", true, Ocop(3, "document-checked")),
        Doc("vt-gift-hat", "Nón lá quai thao quà tặng", "Gift conical hat", "Nón quai thao trang trí làm quà tặng du khách.", "Decorative hat for gifts.", "handicraft-gifts", VinhThinh, "plastic-free", 95_000, 50, 1_000, "Nón lá Vĩnh Thịnh", true),
        Doc("eco-bag-corn", "Túi phân hủy sinh học từ bột ngô", "Biodegradable corn-starch shopping bag", "Túi đựng hàng siêu thị phân hủy hoàn toàn trong 6 tháng.", "Supermarket carrier bag that fully degrades in six months.", "eco-packaging", DongAnhPlant, "biodegradable", 1_100, 20_000, 2_000_000, "Bao bì xanh An Phát", true, Cert("VN_GREEN_LABEL", "registry-verified")),
        Doc("eco-bag-cassava", "Túi phân hủy sinh học từ tinh bột sắn", "Compostable cassava-starch bag", "Túi tự hủy làm từ tinh bột sắn.", "Cassava-starch bag.", "eco-packaging", DongAnhPlant, "compostable", 950, 10_000, 1_000_000, "Bao bì Sắn Việt", false, ExpiredGreenLabel),
        Doc("eco-box", "Hộp bã mía đựng thức ăn", "Sugarcane bagasse food box", "Hộp đựng thức ăn mang đi làm từ bã mía.", "Take-away food box.", "eco-packaging", DongAnhPlant, "compostable", 1_800, 5_000, 500_000, "Bao bì xanh An Phát", true, Cert("VN_GREEN_LABEL")),
        Doc("eco-paper-bag", "Túi giấy kraft tái chế", "Recycled kraft paper bag", "Túi giấy có quai, giấy tái chế.", "Paper bag with handles.", "eco-packaging", LongBien, "recycled", 1_500, 5_000, 300_000, "Giấy Long Biên", false, Cert("FSC")),
        Doc("eco-leaf-plate", "Đĩa lá cau dùng một lần", "Areca leaf disposable plate", "Đĩa ép từ bẹ cau, thay đĩa nhựa.", "Pressed areca-leaf plate.", "eco-packaging", DongAnhPlant, "compostable", 2_200, 2_000, 200_000, "Lá Cau Xanh", false),
        Doc("food-banh-chung", "Bánh chưng Tranh Khúc gói lá dong", "Tranh Khúc sticky rice cake", "Bánh chưng gói lá dong, luộc 10 tiếng.", "Sticky rice cake wrapped in dong leaves.", "processed-food", TranhKhuc, "compostable", 60_000, 100, 10_000, "Bánh chưng Tranh Khúc", true, Ocop(4)),
        Doc("food-soy", "Tương Cự Đà truyền thống", "Cự Đà fermented soy sauce", "Tương đậu nành ủ chum, chai thủy tinh.", "Fermented in clay jars, glass bottles.", "processed-food", CuDa, "reusable", 35_000, 200, 8_000, "Tương Cự Đà", false, Ocop(3, "self-declared")),
        Doc("food-vermicelli", "Miến dong Cự Đà", "Cự Đà arrowroot vermicelli", "Miến dong phơi nắng, không chất tẩy trắng.", "Sun-dried arrowroot noodles.", "processed-food", CuDa, "recycled", 55_000, 200, 6_000, "Miến Cự Đà", true, Ocop(4), Cert("VN_ORGANIC")),
        Doc("food-che-lam", "Chè lam Đường Lâm", "Đường Lâm ginger rice sweets", "Chè lam gừng, đóng hộp giấy.", "Ginger rice sweets.", "processed-food", DuongLam, "plastic-free", 40_000, 100, 3_000, "Chè lam Đường Lâm", false, Ocop(3, "document-checked")),
        Doc("bev-rice-wine", "Rượu nếp Tam Hiệp", "Tam Hiệp glutinous rice wine", "Rượu nếp cái hoa vàng, chai thủy tinh thu hồi.", "Returnable glass bottles.", "beverages", TamHiep, "reusable", 120_000, 50, 2_000, "Rượu Tam Hiệp", false, Ocop(3, "document-checked")),
        Doc("fresh-greens", "Rau cải hữu cơ Yên Mỹ", "Yên Mỹ organic mustard greens", "Rau cải trồng hữu cơ, giao trong ngày.", "Organic greens delivered the same day.", "fresh-produce", YenMy, "compostable", 30_000, 50, 5_000, "HTX Nông nghiệp Yên Mỹ", true, Cert("VIETGAP"), Cert("VN_ORGANIC")),
        Doc("wood-statue", "Tượng gỗ điêu khắc Sơn Đồng", "Sơn Đồng carved wooden statue", "Tượng gỗ mít chạm tay.", "Hand-carved jackfruit-wood statue.", "wood-products", SonDong, "plastic-free", 900_000, 5, 100, "Điêu khắc Sơn Đồng", false, Cert("FSC")),
        Doc("wood-board", "Thớt gỗ nhãn Chàng Sơn", "Chàng Sơn longan-wood cutting board", "Thớt gỗ nhãn nguyên khối.", "Solid longan-wood cutting board.", "household-goods", ChangSon, "plastic-free", 150_000, 50, 2_000, "Mộc Chàng Sơn", true, Cert("FSC")),
        Doc("emb-tablecloth", "Khăn trải bàn thêu tay Quất Động", "Quất Động hand-embroidered tablecloth", "Khăn trải bàn vải lanh thêu tay.", "Embroidered linen tablecloth.", "embroidery-textiles", QuatDong, "reusable", 400_000, 10, 400, "Thêu Quất Động", false, Ocop(4, "document-checked")),
        Doc("gift-inlay", "Tranh khảm trai Chuyên Mỹ", "Chuyên Mỹ mother-of-pearl inlay picture", "Tranh khảm xà cừ trên gỗ.", "Mother-of-pearl inlay on wood.", "handicraft-gifts", ChuyenMy, "plastic-free", 1_200_000, 2, 50, "Khảm trai Chuyên Mỹ", false),
        Doc("gift-paper-flowers", "Hoa giấy Phù Đổng trang trí", "Phù Đổng paper flowers", "Hoa giấy dó làm tay.", "Handmade dó-paper flowers.", "handicraft-gifts", PhuDong, "compostable", 20_000, 100, 3_000, "Hoa giấy Phù Đổng", false),
    ];

    /// <summary>A stable product id per fixture key, so tests name products by key.</summary>
    public static Guid Id(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes("search-fixture:" + key)));

    public static string KeyOf(Guid id) => Keys.GetValueOrDefault(id, id.ToString());

    private static SearchDocument Doc(string key, string nameVi, string nameEn, string descriptionVi, string descriptionEn, string category,
        Place place, string packaging, long price, long moq, long capacity, string supplier, bool verified, params IndexedCertification[] certifications)
    {
        Keys[Id(key)] = key;
        return new SearchDocument
        {
            ProductId = Id(key), Version = 1, SupplierId = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(supplier))), SupplierName = supplier,
            SupplierVerified = verified, NameVi = nameVi, NameEn = nameEn, DescriptionVi = descriptionVi, DescriptionEn = descriptionEn,
            Category = category, Unit = "cái", MinUnitPriceVnd = price, MaxUnitPriceVnd = price + price / 10, MinimumOrderQuantity = moq,
            MonthlyCapacity = capacity, LeadTimeDays = 14, Packaging = packaging, CraftVillage = place.Village, Commune = place.Commune,
            District = place.District, Province = "Hà Nội", Latitude = place.Lat, Longitude = place.Lon, Certifications = certifications,
            IndexedAt = DateTimeOffset.UtcNow,
        };
    }

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        await Factory.Services.GetRequiredService<IProductSearchIndex>().BulkUpsertAsync(Documents, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
