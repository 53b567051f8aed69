using System.Globalization;
using System.Numerics;
using Matchmaking.Contracts.Needs;
using Matchmaking.ContractSigning.Model;

namespace Matchmaking.ContractSigning.Documents;

/// <summary>
/// Numbers, dates and codes as the agreement writes them, in Vietnamese and English. Formatting is done by hand rather than
/// with the vi-VN culture so that the bytes do not depend on the ICU data of the machine that renders.
/// </summary>
internal static class Wording
{
    // Vietnam has kept UTC+7 without daylight saving since 1975; a fixed offset needs no time-zone database.
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private const string NoBreakSpace = "\u00A0";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset instant) => instant.ToOffset(VietnamOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>1.150 (dot thousands, as in Vietnam).</summary>
    public static string NumberVi(BigInteger value) => NumberEn(value).Replace(',', '.');

    /// <summary>1,150.</summary>
    public static string NumberEn(BigInteger value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1.150 ₫", kept on one line.</summary>
    public static string PriceVi(BigInteger vnd) => NumberVi(vnd) + NoBreakSpace + "₫";

    /// <summary>"VND 1,150", kept on one line.</summary>
    public static string PriceEn(BigInteger vnd) => "VND" + NoBreakSpace + NumberEn(vnd);

    public static string Days(int days) => days.ToString(CultureInfo.InvariantCulture);

    public static (string Vi, string En) Frequency(string code) => code switch
    {
        DeliveryFrequencies.Weekly => ("hằng tuần", "weekly"),
        DeliveryFrequencies.Fortnightly => ("hai tuần một lần", "every two weeks"),
        DeliveryFrequencies.Monthly => ("hằng tháng", "monthly"),
        _ => (code, code),
    };

    public static (string Vi, string En) PaymentMethod(string code) => code switch
    {
        PaymentMethods.BankTransfer => ("chuyển khoản ngân hàng", "bank transfer"),
        PaymentMethods.Cash => ("tiền mặt", "cash"),
        _ => (code, code),
    };

    /// <summary>The catalogue's packaging codes; free text passes through.</summary>
    public static (string Vi, string En) Packaging(string code) => code switch
    {
        "plastic-free" => ("không dùng nhựa", "plastic-free"),
        "biodegradable" => ("vật liệu tự phân huỷ sinh học", "biodegradable"),
        "compostable" => ("vật liệu có thể ủ thành phân hữu cơ", "compostable"),
        "recycled" => ("vật liệu tái chế", "recycled material"),
        "reusable" => ("bao bì tái sử dụng được", "reusable"),
        "conventional" => ("bao bì thông thường", "conventional"),
        _ => (code, code),
    };

    /// <summary>A buyer commitment: a code of the shared reference list, or already a text.</summary>
    public static (string Vi, string En) BuyerCommitment(string codeOrText) =>
        SustainabilityCommitments.Find(codeOrText) is { } known ? (known.NameVi, known.NameEn) : (codeOrText, codeOrText);
}
