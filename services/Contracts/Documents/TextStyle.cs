using SkiaSharp;

namespace Matchmaking.ContractSigning.Documents;

/// <summary>How a run of text looks: Vietnamese (governing) in black, the English rendering smaller and grey.</summary>
internal sealed record TextStyle(bool Bold, float Size, SKColor Color)
{
    private static readonly SKColor Ink = new(0x11, 0x11, 0x11);
    private static readonly SKColor Grey = new(0x5E, 0x5E, 0x5E);

    public static readonly TextStyle Motto = new(true, 10.5f, Ink);
    public static readonly TextStyle MottoEn = new(false, 8.5f, Grey);
    public static readonly TextStyle Title = new(true, 15f, Ink);
    public static readonly TextStyle TitleEn = new(false, 10.5f, Grey);
    public static readonly TextStyle Meta = new(false, 10f, Ink);
    public static readonly TextStyle Heading = new(true, 11.5f, Ink);
    public static readonly TextStyle HeadingEn = new(true, 9f, Grey);
    public static readonly TextStyle Body = new(false, 10f, Ink);
    public static readonly TextStyle Strong = new(true, 10f, Ink);
    public static readonly TextStyle BodyEn = new(false, 8.5f, Grey);
    public static readonly TextStyle StrongEn = new(true, 8.5f, Grey);
    public static readonly TextStyle Cell = new(false, 9f, Ink);
    public static readonly TextStyle CellEn = new(false, 8f, Grey);
    public static readonly TextStyle CellHeader = new(true, 9f, Ink);
    public static readonly TextStyle CellHeaderEn = new(true, 8f, Grey);
    public static readonly TextStyle Footer = new(false, 7.5f, Grey);
    public static readonly SKColor RuleColour = new(0x9A, 0x9A, 0x9A);
}
