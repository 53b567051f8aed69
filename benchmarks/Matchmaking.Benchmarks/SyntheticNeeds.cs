using Matchmaking.Catalogue.Search;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Needs;

namespace Matchmaking.Benchmarks;

/// <summary>
/// Open sourcing needs of many retailers across Hanoi's districts, in the categories and units the synthetic catalogue
/// uses, a quarter with a required scheme and most with a price ceiling and a distance limit. Seeded.
/// </summary>
public static class SyntheticNeeds
{
    private static readonly string[] Categories = ["ceramics", "bamboo-rattan", "silk", "lacquerware", "embroidery-textiles", "wood-products",
        "processed-food", "eco-packaging", "household-goods", "handicraft-gifts", "beverages", "fresh-produce"];
    private static readonly (string District, double Lat, double Lon)[] Stores =
        [("Long Biên", 21.0437, 105.8736), ("Cầu Giấy", 21.0362, 105.7906), ("Hoàng Mai", 20.9745, 105.8637), ("Hà Đông", 20.9714, 105.7788),
         ("Tây Hồ", 21.0700, 105.8190), ("Gia Lâm", 21.0280, 105.9440), ("Đông Anh", 21.1370, 105.8480), ("Sơn Tây", 21.1382, 105.5060)];
    private static readonly string[] Keywords = ["thủ công", "gốm", "mây", "tre", "lụa", "túi", "hộp", "khay", "hữu cơ", "truyền thống", "quà tặng"];
    private static readonly string[] Schemes = ["OCOP", "VN_GREEN_LABEL", "VIETGAP", "VN_ORGANIC", "FSC"];

    public static IEnumerable<NeedSnapshot> Generate(int count, DateOnly today, int seed = 20261124)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (district, lat, lon) = Stores[random.Next(Stores.Length)];
            var quantity = new long[] { 100, 500, 1_000, 5_000, 20_000 }[random.Next(5)];
            yield return new NeedSnapshot
            {
                NeedId = Guid.CreateVersion7(),
                RetailerId = Guid.NewGuid(),
                RetailerName = $"Chuỗi bán lẻ xanh số {i % 300 + 1}",
                RetailerVerified = random.NextDouble() < 0.8,
                Title = $"Cần nguồn hàng {Keywords[random.Next(Keywords.Length)]} cho cửa hàng {district}",
                Category = Categories[random.Next(Categories.Length)],
                Keywords = [Keywords[random.Next(Keywords.Length)], Keywords[random.Next(Keywords.Length)]],
                RequiredSchemes = random.NextDouble() < 0.25 ? [Schemes[random.Next(Schemes.Length)]] : [],
                PreferredSchemes = random.NextDouble() < 0.5 ? [Schemes[random.Next(Schemes.Length)]] : [],
                QuantityPerMonth = quantity,
                Unit = "chiếc",
                MaxUnitPriceVnd = random.NextDouble() < 0.8 ? random.Next(1, 60) * 50_000L : null,
                Delivery = new DeliveryLocationSnapshot { Name = $"Cửa hàng {district}", District = district, Province = "Hà Nội", Latitude = lat, Longitude = lon },
                MaxDistanceKm = random.NextDouble() < 0.7 ? random.Next(10, 80) : null,
                Packaging = random.NextDouble() < 0.5 ? ["plastic-free", "biodegradable", "reusable"] : [],
                MaxLeadTimeDays = random.NextDouble() < 0.5 ? random.Next(7, 40) : null,
                NeededFrom = today.AddDays(random.Next(0, 60)),
                ValidUntil = today.AddDays(random.Next(90, 365)),
                Weights = new MatchWeightsSnapshot { TextRelevance = 0.25, CertificationStrength = 0.2, Sustainability = 0.2, Distance = 0.15, Price = 0.1, LeadTime = 0.1 },
                RetailerCommitments = ["no-single-use-plastic-bags"],
                Status = "open",
            };
        }
    }

    /// <summary>The synthetic catalogue's documents as the catalogue publishes them, for the matching read model.</summary>
    public static ProductSnapshot ToSnapshot(SearchDocument d) => new()
    {
        ProductId = d.ProductId, SupplierId = d.SupplierId, SupplierName = d.SupplierName, SupplierVerified = d.SupplierVerified,
        NameVi = d.NameVi, NameEn = d.NameEn, DescriptionVi = d.DescriptionVi, Category = d.Category, Unit = d.Unit,
        PriceTiers = [new(d.MinimumOrderQuantity, d.MaxUnitPriceVnd), new(d.MinimumOrderQuantity * 10, d.MinUnitPriceVnd)],
        MinimumOrderQuantity = d.MinimumOrderQuantity, MonthlyCapacity = d.MonthlyCapacity, LeadTimeDays = d.LeadTimeDays,
        Packaging = d.Packaging, ImageUrls = [],
        Site = new SiteSnapshot
        {
            SiteId = Guid.NewGuid(), Name = $"Xưởng {d.CraftVillage}", CraftVillage = d.CraftVillage, Commune = d.Commune, District = d.District,
            Province = d.Province, Latitude = d.Latitude, Longitude = d.Longitude,
        },
        Certifications = [.. d.Certifications.Select(c => new CertificationSnapshot
        {
            CertificateId = Guid.NewGuid(), SchemeCode = c.SchemeCode, Number = $"{c.SchemeCode}-{Random.Shared.Next(10_000, 99_999)}",
            Issuer = "Cơ quan chứng nhận", Level = c.Level, ValidFrom = c.ValidFrom, ValidUntil = c.ValidUntil, Status = c.Status,
            VerificationState = c.VerificationState, ValidAtSnapshot = c.Status == "active", CoversProduct = c.CoversProduct,
        })],
    };
}
