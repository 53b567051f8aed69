using System.Globalization;
using Matchmaking.Matching.Model;

namespace Matchmaking.Matching.Services;

/// <summary>
/// How reasons, misses and feed entries write numbers and dates. Suppliers and buyers read them in Vietnamese, so they
/// follow vi-VN (20.000 chiếc, 18,2 km, 01/05/2027) whatever the server's culture is. This needs ICU:
/// InvariantGlobalization is off (Directory.Build.props) and the aspnet base image ships ICU.
/// </summary>
public static class VietnameseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A whole number with dots between thousands: 20.000.</summary>
    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A decimal with a comma: 18,2 for <c>"0.0"</c>.</summary>
    public static string Number(double value, string format) => value.ToString(format, Culture);

    /// <summary>An amount in đồng: 1.150 ₫. Spelled out rather than "C0", whose pattern and spacing vary with the ICU version.</summary>
    public static string Vnd(long amount) => Number(amount) + " ₫";

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", Culture);

    /// <summary>An instant on the Vietnamese clock (UTC+7), as a reader there would say it: 17:05 ngày 01/12/2026.</summary>
    public static string Moment(DateTimeOffset at) => at.ToOffset(MatchingClock.VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", Culture);

    /// <summary>An instant on the Vietnamese clock (UTC+7) as date then time: 01/12/2026 17:05.</summary>
    public static string DateAndTime(DateTimeOffset at) => at.ToOffset(MatchingClock.VietnamOffset).ToString("dd/MM/yyyy HH:mm", Culture);
}
