using SkiaSharp;

namespace Matchmaking.ContractSigning.Documents;

/// <summary>
/// DejaVu Sans, subset to Latin and Vietnamese, embedded in the assembly: the Linux Skia build has no system fonts, and
/// pinned font bytes are part of what keeps rendering byte-stable. Typefaces are immutable and shared by every render.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("Fonts.DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("Fonts.DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string resource)
    {
        using var embedded = typeof(PdfFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font resource {resource} is missing from the assembly.");
        var bytes = new MemoryStream();
        embedded.CopyTo(bytes);
        bytes.Position = 0;
        // Skia keeps reading the stream it is given, so it gets its own copy in memory.
        return SKTypeface.FromStream(bytes) ?? throw new InvalidOperationException($"The font resource {resource} is not a font Skia can read.");
    }
}
