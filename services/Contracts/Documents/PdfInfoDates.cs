using System.Text;

namespace Matchmaking.ContractSigning.Documents;

/// <summary>
/// SkiaSharp takes a PDF date's clock digits from the value it is given but its UTC offset from the machine's time zone
/// (SKTimeDateTimeInternal.Create; west of Greenwich the offset even wraps round, "+19'00'" for New York). The same
/// version would then render to other bytes on another machine. The renderer passes UTC digits and this overwrites each
/// offset with +00'00', which is as long, so no cross-reference offset moves.
/// </summary>
internal static class PdfInfoDates
{
    private static readonly byte[][] Keys = [Encoding.ASCII.GetBytes("/CreationDate (D:"), Encoding.ASCII.GetBytes("/ModDate (D:")];
    private static readonly byte[] Utc = Encoding.ASCII.GetBytes("+00'00')");
    private const int Digits = 14; // YYYYMMDDHHmmSS

    public static void WriteAsUtc(byte[] pdf)
    {
        foreach (var key in Keys)
        {
            var at = pdf.AsSpan().IndexOf(key);
            var offset = at + key.Length + Digits;
            if (at < 0 || offset + Utc.Length > pdf.Length || !LooksLikeOffset(pdf.AsSpan(offset, Utc.Length)))
                throw new InvalidOperationException(
                    $"The PDF writer no longer writes {Encoding.ASCII.GetString(key)}YYYYMMDDHHmmSS+HH'mm'); rendering would not be reproducible.");
            Utc.CopyTo(pdf.AsSpan(offset));
        }
    }

    private static bool LooksLikeOffset(ReadOnlySpan<byte> s) =>
        s[0] is (byte)'+' or (byte)'-' && char.IsAsciiDigit((char)s[1]) && char.IsAsciiDigit((char)s[2]) && s[3] == '\''
        && char.IsAsciiDigit((char)s[4]) && char.IsAsciiDigit((char)s[5]) && s[6] == '\'' && s[7] == ')';
}
