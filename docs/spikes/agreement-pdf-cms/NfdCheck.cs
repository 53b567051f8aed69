using System.Text;
using SkiaSharp;
public static class NfdCheck
{
    // Draw the same string NFC vs NFD (no normalization, no shaping) to a PDF, to see what happens to combining marks.
    public static void Run(string path)
    {
        var tf = SKTypeface.FromFile(Path.Combine(Environment.GetEnvironmentVariable("FONT_DIR") ?? "fonts", "DejaVuSans.ttf"));
        using var font = new SKFont(tf, 28);
        using var paint = new SKPaint { Color = SKColors.Black };
        const string s = "Nguyễn Văn Hùng — Hợp đồng — ệ ặ ữ";
        using var fs = File.Create(path);
        using var doc = SKDocument.CreatePdf(fs, new SKDocumentPdfMetadata { Creation = new DateTime(2025,1,1), Modified = new DateTime(2025,1,1) });
        var c = doc.BeginPage(595, 200);
        c.DrawText("NFC: " + s.Normalize(NormalizationForm.FormC), 20, 60, SKTextAlign.Left, font, paint);
        c.DrawText("NFD: " + s.Normalize(NormalizationForm.FormD), 20, 130, SKTextAlign.Left, font, paint);
        doc.EndPage(); doc.Close();
    }
}
