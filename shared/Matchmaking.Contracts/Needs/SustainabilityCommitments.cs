namespace Matchmaking.Contracts.Needs;

/// <summary>A sustainability commitment a retailer can make, by the code events carry.</summary>
public sealed record SustainabilityCommitment(string Code, string NameVi, string NameEn);

/// <summary>
/// The programme's commitments for supermarkets. Events carry only the codes (NeedSnapshot.RetailerCommitments,
/// PartnershipAccepted.BuyerCommitments), so the names travel with the contracts: the needs service offers this list and
/// the contract service writes the names into agreements.
/// </summary>
public static class SustainabilityCommitments
{
    public static readonly IReadOnlyList<SustainabilityCommitment> All =
    [
        new("no-single-use-plastic-bags", "Không dùng túi ni lông khó phân huỷ", "No non-biodegradable plastic bags"),
        new("eco-packaging", "Bao bì thân thiện môi trường thay cho nhựa dùng một lần", "Eco-friendly packaging instead of single-use plastic"),
        new("eco-labelled-products", "Bày bán sản phẩm có nhãn sinh thái", "Eco-labelled products on the shelves"),
        new("organic-products", "Bày bán sản phẩm hữu cơ", "Organic products on the shelves"),
        new("packaging-take-back", "Thu hồi bao bì sau sử dụng", "Taking packaging back after use"),
        new("local-sourcing", "Ưu tiên nguồn hàng địa phương", "Sourcing locally first"),
    ];

    private static readonly Dictionary<string, SustainabilityCommitment> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static SustainabilityCommitment? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var c) ? c : null;
}
