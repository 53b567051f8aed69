using System.Security.Cryptography;
using System.Text;
using Matchmaking.ContractSigning.Documents;
using Xunit;

namespace Matchmaking.ContractSigning.Tests.Documents;

public sealed class AgreementPdfRendererTests
{
    private static readonly AgreementPdfRenderer Renderer = new();

    [Fact]
    public void The_same_version_renders_to_the_same_bytes()
    {
        var first = Renderer.Render(SampleAgreement.Document());
        var second = new AgreementPdfRenderer().Render(SampleAgreement.Document());
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(first, 0, 5));
    }

    [Fact]
    public void One_changed_term_changes_the_bytes()
    {
        var original = SampleAgreement.Document();
        var terms = original.Terms with
        {
            Products = [original.Terms.Products[0] with { MonthlyVolume = 20_001 }, .. original.Terms.Products.Skip(1)],
        };
        Assert.NotEqual(Renderer.Render(original), Renderer.Render(original with { Terms = terms }));
    }

    [Fact]
    public void A_later_version_of_the_same_terms_renders_differently() =>
        Assert.NotEqual(Renderer.Render(SampleAgreement.Document()), Renderer.Render(SampleAgreement.Document() with { Version = 2 }));

    [Fact]
    public void Vietnamese_text_reads_back_with_its_diacritics()
    {
        var text = PdfText.All(Renderer.Render(SampleAgreement.Document()));
        Assert.Contains("HỢP ĐỒNG HỢP TÁC CUNG ỨNG SẢN PHẨM XANH", text, StringComparison.Ordinal);
        Assert.Contains("GREEN PRODUCT SUPPLY COOPERATION AGREEMENT", text, StringComparison.Ordinal);
        Assert.Contains(SampleAgreement.BuyerName, text, StringComparison.Ordinal);
        Assert.Contains(SampleAgreement.SupplierName, text, StringComparison.Ordinal);
        Assert.Contains(SampleAgreement.SupplierRepresentative, text, StringComparison.Ordinal);
        Assert.Contains("Mã số thuế", text, StringComparison.Ordinal);
        Assert.Contains(SampleAgreement.SupplierTaxCode, text, StringComparison.Ordinal);
        Assert.Contains("Luật Giao dịch điện tử", text, StringComparison.Ordinal);
        Assert.Contains("Hà Nội", text, StringComparison.Ordinal);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Prices_read_back_in_Vietnamese_and_English_style()
    {
        var text = PdfText.All(Renderer.Render(SampleAgreement.Document()));
        Assert.Contains("1.150", text, StringComparison.Ordinal);
        Assert.Contains("₫", text, StringComparison.Ordinal);
        Assert.Contains("1,150", text, StringComparison.Ordinal);
        Assert.Contains("20.000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_document_names_its_number_version_and_date_in_Vietnam_time()
    {
        // 23:30 UTC on the 22nd is already the 23rd in Hà Nội.
        var document = SampleAgreement.Document(createdAt: new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));
        var text = PdfText.All(Renderer.Render(document));
        Assert.Contains("HD-2026-000042", text, StringComparison.Ordinal);
        Assert.Contains("23/11/2026", text, StringComparison.Ordinal);
        Assert.Contains("01/01/2027", text, StringComparison.Ordinal);
        Assert.Contains("31/12/2027", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_has_a_footer_with_the_right_page_count()
    {
        var pages = PdfText.Pages(Renderer.Render(SampleAgreement.Document()));
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains($"HD-2026-000042 · phiên bản/version 1 · trang/page {i + 1}/{pages.Count}", pages[i], StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_product_list_runs_over_more_pages_and_every_footer_counts_them_all()
    {
        var shortPages = PdfText.Pages(Renderer.Render(SampleAgreement.Document(productCount: 3)));
        var longPages = PdfText.Pages(Renderer.Render(SampleAgreement.Document(productCount: 40)));

        Assert.True(longPages.Count > shortPages.Count + 2, $"{longPages.Count} pages for 40 products, {shortPages.Count} for 3");
        for (var i = 0; i < longPages.Count; i++)
            Assert.Contains($"trang/page {i + 1}/{longPages.Count}", longPages[i], StringComparison.Ordinal);
        Assert.Contains("Ống hút tre loại 40", string.Join(' ', longPages), StringComparison.Ordinal);
        // The signature block comes last, after the final product.
        Assert.Contains(SampleAgreement.SupplierRepresentative, longPages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Decomposed_input_comes_out_composed_and_renders_the_same_bytes()
    {
        var composed = SampleAgreement.Document();
        var decomposed = composed with { Terms = SampleAgreement.Decomposed(composed.Terms) };
        Assert.NotEqual(composed.Terms.Supplier.Representative, decomposed.Terms.Supplier.Representative);

        var pdf = Renderer.Render(decomposed);
        var text = PdfText.All(pdf);
        Assert.Contains("Nguyễn Văn Hùng", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn Hùng".Normalize(NormalizationForm.FormD), text, StringComparison.Ordinal);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(Renderer.Render(composed), pdf);
    }

    [Fact]
    public void The_PDF_dates_are_the_version_time_in_UTC_whatever_the_machine_time_zone()
    {
        var pdf = Encoding.Latin1.GetString(Renderer.Render(SampleAgreement.Document()));
        // 10:30 in Hà Nội is 03:30 UTC.
        Assert.Contains("/CreationDate (D:20261123033000+00'00')", pdf, StringComparison.Ordinal);
        Assert.Contains("/ModDate (D:20261123033000+00'00')", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("/ID", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void The_renderer_can_be_shared_between_threads()
    {
        var expected = Renderer.Render(SampleAgreement.Document());
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = Renderer.Render(SampleAgreement.Document()));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
