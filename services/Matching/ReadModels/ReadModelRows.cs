using System.Text.Json;
using System.Text.Json.Nodes;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.Model;

namespace Matchmaking.Matching.ReadModels;

/// <summary>The column values of one read-model row; keys are the column names jsonb_to_recordset maps them to.</summary>
internal static class ReadModelRows
{
    private static readonly JsonSerializerOptions Json = MatchingDbContext.JsonOptions;

    public static JsonObject Product(ProductSnapshot p, long version, DateOnly today)
    {
        var facts = ProductFacts.From(p, version);
        return new JsonObject
        {
            ["product_id"] = p.ProductId,
            ["version"] = version,
            ["supplier_id"] = p.SupplierId,
            ["category"] = facts.Category,
            ["unit_key"] = facts.UnitKey,
            ["monthly_capacity"] = facts.MonthlyCapacity,
            ["minimum_order_quantity"] = facts.MinimumOrderQuantity,
            ["min_price"] = facts.TierPrice.Length == 0 ? null : (long?)facts.LowestPrice,
            ["tiers"] = Array(facts.EncodeTiers()),
            ["lead_time_days"] = facts.LeadTimeDays,
            ["packaging"] = facts.Packaging,
            ["supplier_verified"] = facts.SupplierVerified,
            ["lat"] = facts.Latitude,
            ["lon"] = facts.Longitude,
            ["schemes"] = Array(facts.Certificates.Select(c => c.Scheme).Distinct()),
            ["ocop_max"] = facts.Certificates.Max(c => c.OcopStars),
            ["certs"] = Array(facts.Certificates.Select(c => c.Encode())),
            ["cert_strength"] = facts.Certificates.Select(c => c.Strength).DefaultIfEmpty(0).Max(),
            ["revalidate_on"] = facts.NextValidityChangeAfter(today)?.ToString("yyyy-MM-dd"),
            ["summary"] = JsonSerializer.SerializeToNode(Summary(p), Json),
            ["snapshot"] = JsonSerializer.SerializeToNode(p, Json),
        };
    }

    public static JsonObject Need(NeedSnapshot n, long version)
    {
        var facts = NeedFacts.From(n, version);
        return new JsonObject
        {
            ["need_id"] = n.NeedId,
            ["version"] = version,
            ["status"] = n.Status,
            ["retailer_id"] = n.RetailerId,
            ["category"] = facts.Category,
            ["unit_key"] = facts.UnitKey,
            ["quantity_per_month"] = facts.QuantityPerMonth,
            ["max_unit_price"] = facts.MaxUnitPriceVnd,
            ["min_ocop"] = facts.MinimumOcopStars,
            ["required_schemes"] = Array(facts.RequiredSchemes),
            ["preferred_schemes"] = Array(facts.PreferredSchemes),
            ["packaging"] = Array(facts.Packaging),
            ["max_distance_km"] = facts.MaxDistanceKm,
            ["max_lead_time_days"] = facts.MaxLeadTimeDays,
            ["lat"] = facts.Latitude,
            ["lon"] = facts.Longitude,
            ["valid_until"] = facts.ValidUntil?.ToString("yyyy-MM-dd"),
            ["weights"] = Array(facts.Weights.ToArray()),
            ["keyword_terms"] = Array(facts.KeywordTerms),
            ["title_terms"] = Array(facts.TitleTerms),
            ["summary"] = JsonSerializer.SerializeToNode(Summary(n), Json),
            ["snapshot"] = JsonSerializer.SerializeToNode(n, Json),
        };
    }

    public static ProductSummary Summary(ProductSnapshot p) => new(
        p.ProductId, p.NameVi, p.NameEn, p.SupplierId, p.SupplierName, p.SupplierVerified, p.Category, p.Unit, p.Packaging,
        p.LeadTimeDays, p.MinimumOrderQuantity, p.MonthlyCapacity, p.Site.CraftVillage, p.Site.District, p.Site.Province,
        p.ImageUrls.FirstOrDefault());

    public static NeedSummary Summary(NeedSnapshot n) => new(
        n.NeedId, n.Title, n.RetailerId, n.RetailerName, n.Category, n.QuantityPerMonth, n.Unit, n.MaxUnitPriceVnd,
        n.Delivery.Name, n.Delivery.District, n.Delivery.Province, n.NeededFrom, n.ValidUntil);

    private static JsonArray Array<T>(IEnumerable<T> values) => new([.. values.Select(v => JsonValue.Create(v))]);
}
