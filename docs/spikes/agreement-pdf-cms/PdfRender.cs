using System.Text;
using SkiaSharp;

public sealed record AgreementTerms(string Title, string PartyA, string PartyB, IReadOnlyList<(string Heading, string Body)> Sections);

public static class PdfRender
{
    const float PageW = 595f, PageH = 842f, Margin = 56f; // A4 in points
    static readonly DateTime FixedDate = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // Load fonts from bytes (repo-bundled .ttf) -> no fontconfig dependency.
    static readonly string FontDir = Environment.GetEnvironmentVariable("FONT_DIR") ?? Path.Combine(AppContext.BaseDirectory, "fonts");
    static SKTypeface Load(string path) => SKTypeface.FromStream(new MemoryStream(File.ReadAllBytes(path)))
        ?? throw new InvalidOperationException("font load failed: " + path);
    static readonly Lazy<SKTypeface> Regular = new(() => Load(Path.Combine(FontDir, "DejaVuSans.ttf")));
    static readonly Lazy<SKTypeface> Bold = new(() => Load(Path.Combine(FontDir, "DejaVuSans-Bold.ttf")));

    public static byte[] Render(AgreementTerms t, DateTime? docDate = null)
    {
        var md = new SKDocumentPdfMetadata
        {
            Title = t.Title.Normalize(NormalizationForm.FormC),
            Creator = "GreenB2B Contracts", Producer = "GreenB2B Contracts",
            Creation = docDate ?? FixedDate, Modified = docDate ?? FixedDate,
            RasterDpi = 72, PdfA = Environment.GetEnvironmentVariable("PDFA") == "1", // PdfA=true adds a UUID/ID (see FINDINGS)
        };
        using var ms = new MemoryStream();
        using (var wstream = new SKManagedWStream(ms))
        using (var doc = SKDocument.CreatePdf(wstream, md))
        {
            using var body = new SKFont(Regular.Value, 11f) { Subpixel = true };
            using var head = new SKFont(Bold.Value, 13f) { Subpixel = true };
            using var title = new SKFont(Bold.Value, 17f) { Subpixel = true };
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };

            SKCanvas? c = null; float y = 0; int page = 0;
            void NewPage()
            {
                if (c != null) { Footer(); doc.EndPage(); }
                c = doc.BeginPage(PageW, PageH); page++; y = Margin;
            }
            void Footer() => c!.DrawText($"Trang / Page {page}", PageW / 2, PageH - 30, SKTextAlign.Center, body, paint);
            void Para(string text, SKFont f, float after)
            {
                text = text.Normalize(NormalizationForm.FormC); // decomposed input would misplace marks without shaping
                float lh = f.Spacing;
                foreach (var line in Wrap(text, f, PageW - 2 * Margin))
                {
                    if (c == null || y + lh > PageH - Margin) NewPage();
                    y += lh;
                    c!.DrawText(line, Margin, y, SKTextAlign.Left, f, paint);
                }
                y += after;
            }
            NewPage();
            Para(t.Title, title, 10);
            Para($"Bên A / Party A: {t.PartyA}", body, 2);
            Para($"Bên B / Party B: {t.PartyB}", body, 12);
            foreach (var (h, b) in t.Sections) { Para(h, head, 4); Para(b, body, 10); }
            Footer(); doc.EndPage();
            doc.Close();
        }
        return ms.ToArray();
    }

    // Greedy word wrap; splits over-long words by character.
    public static IEnumerable<string> Wrap(string text, SKFont f, float width)
    {
        foreach (var para in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in para.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (f.MeasureText(candidate) <= width) { line.Clear().Append(candidate); continue; }
                if (line.Length > 0) { yield return line.ToString(); line.Clear(); }
                var w = word;
                while (f.MeasureText(w) > width)
                {
                    int n = f.BreakText(w, width);
                    yield return w[..n]; w = w[n..];
                }
                line.Append(w);
            }
            yield return line.ToString();
        }
    }
}
