using System.Text;
using SkiaSharp;

namespace Matchmaking.ContractSigning.Documents;

/// <summary>Renders an agreement version to PDF, byte for byte the same for the same input. Register as a singleton.</summary>
/// <remarks>
/// Thread-safe: the embedded fonts are loaded once and shared read-only; everything else belongs to one call. The bytes are
/// stable for pinned SkiaSharp and font versions only, so store the rendered bytes (they are what is signed) and never
/// re-render a version to check a signature.
/// </remarks>
public sealed class AgreementPdfRenderer
{
    public const string Author = "Green Link Matchmaking Platform";
    public const string Creator = "Green Link Contracts";
    public const string Producer = "Green Link Contracts (SkiaSharp PDF)";

    public byte[] Render(AgreementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Terms);

        using var layout = new PageLayout(PdfFonts.Regular, PdfFonts.Bold);
        AgreementText.Write(layout, document);
        var pages = layout.Pages;

        using var output = new MemoryStream();
        using (var stream = new SKManagedWStream(output))
        using (var pdf = SKDocument.CreatePdf(stream, Metadata(document)))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = pdf.BeginPage(PageLayout.PageWidth, PageLayout.PageHeight);
                Draw(canvas, layout, pages[i], paint);
                Footer(canvas, layout, document, i + 1, pages.Count, paint);
                pdf.EndPage();
            }
            pdf.Close();
        }
        var bytes = output.ToArray();
        PdfInfoDates.WriteAsUtc(bytes);
        return bytes;
    }

    private static SKDocumentPdfMetadata Metadata(AgreementDocument document)
    {
        // Whole seconds in UTC: the PDF date has no fractions, and PdfInfoDates makes its offset +00'00' on every machine.
        var created = document.VersionCreatedAt.UtcDateTime;
        created = created.AddTicks(-(created.Ticks % TimeSpan.TicksPerSecond));
        return new SKDocumentPdfMetadata
        {
            Title = PageLayout.Clean($"{document.AgreementNumber} – Hợp đồng hợp tác cung ứng sản phẩm xanh – phiên bản {document.Version}"),
            Subject = PageLayout.Clean($"Green product supply cooperation agreement {document.AgreementNumber}, version {document.Version}"),
            Author = Author,
            Creator = Creator,
            Producer = Producer,
            Creation = created,
            Modified = created,
            RasterDpi = 72,
            // PDF/A would add a random document ID and XMP UUID to every render.
            PdfA = false,
        };
    }

    private static void Draw(SKCanvas canvas, PageLayout layout, LaidOutPage page, SKPaint paint)
    {
        paint.Color = TextStyle.RuleColour;
        foreach (var rule in page.Rules)
        {
            paint.StrokeWidth = rule.Thickness;
            canvas.DrawLine(rule.X1, rule.Y, rule.X2, rule.Y, paint);
        }
        foreach (var text in page.Texts)
        {
            paint.Color = text.Style.Color;
            canvas.DrawText(text.Text, text.X, text.Baseline, text.Align, layout.Font(text.Style), paint);
        }
    }

    private static void Footer(SKCanvas canvas, PageLayout layout, AgreementDocument document, int page, int pages, SKPaint paint)
    {
        var y = PageLayout.PageHeight - 40;
        paint.Color = TextStyle.RuleColour;
        paint.StrokeWidth = 0.4f;
        canvas.DrawLine(PageLayout.Left, y, PageLayout.Right, y, paint);
        var text = PageLayout.Clean($"{document.AgreementNumber} · phiên bản/version {document.Version} · trang/page {page}/{pages}");
        paint.Color = TextStyle.Footer.Color;
        canvas.DrawText(text, PageLayout.PageWidth / 2, y + 14, SKTextAlign.Center, layout.Font(TextStyle.Footer), paint);
    }
}
