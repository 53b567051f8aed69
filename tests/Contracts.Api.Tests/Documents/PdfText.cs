using UglyToad.PdfPig;

namespace Matchmaking.ContractSigning.Tests.Documents;

/// <summary>Text read back from a PDF with PdfPig, one string per page (page.Text glues lines together, so words are joined).</summary>
public static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page => string.Join(' ', page.GetWords().Select(w => w.Text)))];
    }

    public static string All(byte[] pdf) => string.Join(' ', Pages(pdf));
}
