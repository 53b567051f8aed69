using System.Numerics;
using Matchmaking.ContractSigning.Model;
using SkiaSharp;

namespace Matchmaking.ContractSigning.Documents;

/// <summary>
/// The agreement's wording: every heading and paragraph in Vietnamese, the governing text, followed by its English
/// rendering in smaller grey type. Only the terms decide what is said; nothing depends on the clock or the machine.
/// </summary>
internal static class AgreementText
{
    private const float ClauseGutter = 24f;
    private const float ItemGutter = 16f;

    public static void Write(PageLayout layout, AgreementDocument document)
    {
        var terms = document.Terms;
        Title(layout, document);
        Preamble(layout, terms);
        Parties(layout, terms);
        Products(layout, terms);
        Delivery(layout, terms.Delivery);
        Payment(layout, terms.Payment);
        Sustainability(layout, terms.Sustainability);
        Term(layout, terms);
        General(layout);
        SignatureBlock(layout, terms);
    }

    private static void Title(PageLayout layout, AgreementDocument document)
    {
        var date = Wording.Date(document.VersionCreatedAt);
        layout.Block(
            new Piece("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", TextStyle.Motto, Align: SKTextAlign.Center),
            new Piece("Độc lập – Tự do – Hạnh phúc", TextStyle.Motto, Align: SKTextAlign.Center),
            new Piece("Socialist Republic of Vietnam – Independence – Freedom – Happiness", TextStyle.MottoEn, Align: SKTextAlign.Center, After: 20),
            new Piece("HỢP ĐỒNG HỢP TÁC CUNG ỨNG SẢN PHẨM XANH", TextStyle.Title, Align: SKTextAlign.Center, After: 1),
            new Piece("GREEN PRODUCT SUPPLY COOPERATION AGREEMENT", TextStyle.TitleEn, Align: SKTextAlign.Center, After: 8),
            new Piece($"Số: {document.AgreementNumber}   ·   Phiên bản: {document.Version}   ·   Ngày lập: {date}", TextStyle.Meta, Align: SKTextAlign.Center),
            new Piece($"No. {document.AgreementNumber}   ·   Version {document.Version}   ·   Drawn up on {date}", TextStyle.BodyEn, Align: SKTextAlign.Center, After: 14));
    }

    private static void Preamble(PageLayout layout, AgreementTerms terms)
    {
        Paragraph(layout, "Căn cứ Bộ luật Dân sự số 91/2015/QH13;", "Pursuant to the Civil Code No. 91/2015/QH13;", 2);
        Paragraph(layout, "Căn cứ Luật Thương mại số 36/2005/QH11;", "Pursuant to the Commercial Law No. 36/2005/QH11;", 2);
        Paragraph(layout, "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15;", "Pursuant to the Law on Electronic Transactions No. 20/2023/QH15;", 2);
        if (!string.IsNullOrWhiteSpace(terms.NeedTitle))
            Paragraph(layout,
                $"Căn cứ nhu cầu “{terms.NeedTitle.Trim()}” của Bên A và việc Bên B chấp nhận đề nghị hợp tác trên nền tảng Green Link;",
                $"Having regard to Party A's need “{terms.NeedTitle.Trim()}” and Party B's acceptance of the cooperation request on the Green Link platform;", 2);
        else
            Paragraph(layout,
                "Căn cứ việc Bên B chấp nhận đề nghị hợp tác của Bên A trên nền tảng Green Link;",
                "Having regard to Party B's acceptance of Party A's cooperation request on the Green Link platform;", 2);
        Paragraph(layout, "Hai bên thống nhất ký kết hợp đồng này với các điều khoản sau:", "The Parties agree as follows:", 4);
    }

    private static void Parties(PageLayout layout, AgreementTerms terms)
    {
        Heading(layout, "Điều 1. Các bên tham gia hợp đồng", "Article 1. The Parties");
        Party(layout, "BÊN A – BÊN MUA", "PARTY A – BUYER", terms.Buyer);
        Party(layout, "BÊN B – BÊN BÁN", "PARTY B – SUPPLIER", terms.Supplier);
    }

    private static void Party(PageLayout layout, string vi, string en, AgreementParty party)
    {
        layout.Block([new Piece(vi, TextStyle.Strong), new Piece(en, TextStyle.StrongEn, After: 1)], keepWithNext: 60);
        var rows = new List<TableCell[]>
        {
            Row("Tên tổ chức", "Legal name", party.LegalName),
            Row("Mã số thuế", "Tax code", party.TaxCode),
            Row("Địa chỉ", "Address", party.Address),
            Row("Người đại diện", "Represented by", party.Representative),
        };
        if (!string.IsNullOrWhiteSpace(party.RepresentativeTitle))
            rows.Add(Row("Chức vụ", "Position", party.RepresentativeTitle));
        layout.Table([new TableColumn("", "", 110), new TableColumn("", "", PageLayout.ContentWidth - 110)], rows, ruled: false, after: 6);

        static TableCell[] Row(string vi, string en, string value) => [new TableCell(vi, en), new TableCell(value)];
    }

    private static void Products(PageLayout layout, AgreementTerms terms)
    {
        // The heading and its introduction stay with the table's header and first row.
        layout.Space(8);
        layout.Block([
            new Piece("Điều 2. Sản phẩm, đơn giá và khối lượng", TextStyle.Heading),
            new Piece("Article 2. Products, unit prices and volumes", TextStyle.HeadingEn, After: 4),
            new Piece("Bên B cung ứng cho Bên A các sản phẩm sau, với đơn giá và khối lượng hằng tháng như dưới đây:", TextStyle.Body),
            new Piece("Party B supplies Party A with the following products at the unit prices and monthly volumes below:", TextStyle.BodyEn, After: 4),
        ], keepWithNext: 72);

        TableColumn[] columns =
        [
            new("STT", "No.", 26),
            new("Sản phẩm", "Product", 132),
            new("Đơn vị tính", "Unit", 64),
            new("Đơn giá", "Unit price", 74, SKTextAlign.Right),
            new("Khối lượng hằng tháng", "Monthly volume", 78, SKTextAlign.Right),
            new("Giá trị hằng tháng", "Monthly value", PageLayout.ContentWidth - 374, SKTextAlign.Right),
        ];
        var rows = terms.Products.Select((p, i) => new TableCell[]
        {
            new($"{i + 1}"),
            new(p.NameVi, p.NameEn),
            new(p.Unit),
            new(Wording.PriceVi(p.UnitPriceVnd), Wording.PriceEn(p.UnitPriceVnd)),
            new(Wording.NumberVi(p.MonthlyVolume), Wording.NumberEn(p.MonthlyVolume)),
            new(Wording.PriceVi(MonthlyValue(p)), Wording.PriceEn(MonthlyValue(p))),
        }).ToList();
        layout.Table(columns, rows, after: 6);

        var total = terms.Products.Aggregate(BigInteger.Zero, (sum, p) => sum + MonthlyValue(p));
        var (vat, vatEn) = terms.Payment.PricesIncludeVat
            ? ("đã bao gồm thuế GTGT", "VAT included")
            : ("chưa bao gồm thuế GTGT", "VAT excluded");
        Paragraph(layout, $"Tổng giá trị hằng tháng theo khối lượng trên: {Wording.PriceVi(total)} ({vat}).",
            $"Monthly total at the volumes above: {Wording.PriceEn(total)} ({vatEn}).", 8);

        for (var i = 0; i < terms.Products.Count; i++)
            ProductDetails(layout, i + 1, terms.Products[i]);
    }

    // Exact whatever the figures: a price times a volume can exceed a long.
    private static BigInteger MonthlyValue(AgreementProduct product) => (BigInteger)product.UnitPriceVnd * product.MonthlyVolume;

    private static void ProductDetails(PageLayout layout, int number, AgreementProduct product)
    {
        var name = string.IsNullOrWhiteSpace(product.NameEn) ? product.NameVi : $"{product.NameVi} ({product.NameEn})";
        layout.Block([new Piece($"Sản phẩm {number}: {name}", TextStyle.Strong), new Piece($"Product {number}", TextStyle.StrongEn, After: 1)],
            keepWithNext: 30);
        var (packaging, packagingEn) = Wording.Packaging(product.Packaging);
        Item(layout, "–", $"Quy cách đóng gói: {packaging}.", $"Packaging: {packagingEn}.");
        if (!string.IsNullOrWhiteSpace(product.TraceabilityCode))
            Item(layout, "–", $"Mã truy xuất nguồn gốc: {product.TraceabilityCode}.", $"Traceability code: {product.TraceabilityCode}.");
        if (product.Certifications.Count == 0)
            Item(layout, "–", "Chứng nhận: không có.", "Certificates: none.");
        foreach (var c in product.Certifications)
        {
            var (until, untilEn) = c.ValidUntil is { } date
                ? ($"có hiệu lực đến hết ngày {Wording.Date(date)}", $"valid until {Wording.Date(date)}")
                : ("không ghi thời hạn", "no expiry date stated");
            Item(layout, "–", $"Chứng nhận {c.SchemeCode} số {c.Number}, do {c.Issuer} cấp, {until}.",
                $"Certificate {c.SchemeCode} No. {c.Number} issued by {c.Issuer}, {untilEn}.");
        }
        layout.Space(4);
    }

    private static void Delivery(PageLayout layout, DeliveryTerms delivery)
    {
        Heading(layout, "Điều 3. Giao hàng", "Article 3. Delivery");
        var (frequency, frequencyEn) = Wording.Frequency(delivery.Frequency);
        var days = Wording.Days(delivery.LeadTimeDays);
        Clause(layout, "3.1.", $"Địa điểm giao hàng: {delivery.Place}.", $"Place of delivery: {delivery.Place}.");
        Clause(layout, "3.2.", $"Tần suất giao hàng: {frequency}.", $"Delivery frequency: {frequencyEn}.");
        Clause(layout, "3.3.", $"Thời gian giao hàng: trong vòng {days} ngày kể từ ngày Bên A đặt hàng.",
            $"Lead time: within {days} days of Party A's order.");
        Clause(layout, "3.4.", "Bên A kiểm tra số lượng, chất lượng và nghiệm thu hàng hóa khi nhận mỗi lần giao hàng.",
            "Party A checks the quantity and quality of the goods and accepts them at each delivery.");
    }

    private static void Payment(PageLayout layout, PaymentTerms payment)
    {
        Heading(layout, "Điều 4. Thanh toán", "Article 4. Payment");
        var (method, methodEn) = Wording.PaymentMethod(payment.Method);
        var days = Wording.Days(payment.DueDays);
        Clause(layout, "4.1.", $"Bên A thanh toán cho Bên B trong vòng {days} ngày kể từ ngày nghiệm thu mỗi lần giao hàng.",
            $"Party A pays Party B within {days} days after each accepted delivery.");
        Clause(layout, "4.2.", $"Phương thức thanh toán: {method}.", $"Payment method: {methodEn}.");
        if (payment.PricesIncludeVat)
            Clause(layout, "4.3.", "Đơn giá nêu tại Điều 2 đã bao gồm thuế giá trị gia tăng (GTGT).",
                "The unit prices in Article 2 include value added tax (VAT).");
        else
            Clause(layout, "4.3.", "Đơn giá nêu tại Điều 2 chưa bao gồm thuế giá trị gia tăng (GTGT); thuế GTGT được tính thêm theo thuế suất hiện hành.",
                "The unit prices in Article 2 exclude value added tax (VAT), which is added at the applicable rate.");
    }

    private static void Sustainability(PageLayout layout, SustainabilityTerms terms)
    {
        Heading(layout, "Điều 5. Cam kết phát triển bền vững", "Article 5. Sustainability commitments");
        var supplier = new List<(string Vi, string En)>();
        if (terms.EcoFriendlyPackaging)
            supplier.Add(("Sử dụng bao bì thân thiện với môi trường cho sản phẩm giao cho Bên A.",
                "Use eco-friendly packaging for the products delivered to Party A."));
        if (terms.KeepCertificatesValid)
        {
            var days = Wording.Days(terms.CertificateLapseNoticeDays);
            supplier.Add(($"Duy trì hiệu lực của các chứng nhận nêu tại Điều 2 trong suốt thời hạn hợp đồng và thông báo cho Bên A trong vòng {days} ngày kể từ khi một chứng nhận hết hiệu lực, bị đình chỉ hoặc bị thu hồi.",
                $"Keep the certificates cited in Article 2 valid throughout the term, and notify Party A within {days} days when any of them lapses, is suspended or is withdrawn."));
        }
        if (terms.PackagingTakeBack)
            supplier.Add(("Thu hồi bao bì đã qua sử dụng từ Bên A để tái sử dụng hoặc tái chế.",
                "Take used packaging back from Party A for reuse or recycling."));
        if (terms.TraceabilityCodesOnDeliveries)
            supplier.Add(("Ghi mã truy xuất nguồn gốc trên mọi lần giao hàng.", "Show the traceability codes on every delivery."));
        Commitments(layout, "5.1.", "Bên B cam kết:", "Party B undertakes to:", supplier);

        var buyer = terms.BuyerCommitments.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Wording.BuyerCommitment(c.Trim())).ToList();
        Commitments(layout, "5.2.", "Bên A cam kết:", "Party A undertakes:", buyer);
    }

    private static void Commitments(PageLayout layout, string label, string vi, string en, List<(string Vi, string En)> items)
    {
        layout.Block([new Piece(vi, TextStyle.Body, Label: label, LabelWidth: ClauseGutter), new Piece(en, TextStyle.BodyEn, LabelWidth: ClauseGutter, After: 3)],
            keepWithNext: 24);
        if (items.Count == 0)
            items = [("Không có cam kết riêng.", "No specific commitments.")];
        for (var i = 0; i < items.Count; i++)
            layout.Block(
                new Piece(items[i].Vi, TextStyle.Body, ClauseGutter, $"{(char)('a' + i % 26)})", ItemGutter),
                new Piece(items[i].En, TextStyle.BodyEn, ClauseGutter, LabelWidth: ItemGutter, After: 3));
        layout.Space(2);
    }

    private static void Term(PageLayout layout, AgreementTerms terms)
    {
        Heading(layout, "Điều 6. Thời hạn và chấm dứt hợp đồng", "Article 6. Term and termination");
        var (from, until) = (Wording.Date(terms.EffectiveFrom), Wording.Date(terms.EffectiveUntil));
        var notice = Wording.Days(terms.TerminationNoticeDays);
        Clause(layout, "6.1.", $"Hợp đồng có hiệu lực từ ngày {from} đến hết ngày {until}, với điều kiện cả hai bên đã ký hợp đồng.",
            $"This agreement is in force from {from} until the end of {until}, provided both Parties have signed it.");
        Clause(layout, "6.2.", $"Mỗi bên có quyền chấm dứt hợp đồng trước thời hạn bằng cách thông báo bằng văn bản cho bên kia trước ít nhất {notice} ngày.",
            $"Either Party may terminate this agreement before the end of its term by notifying the other in writing at least {notice} days in advance.");
        Clause(layout, "6.3.", "Việc chấm dứt hợp đồng không làm chấm dứt nghĩa vụ thanh toán cho hàng hóa đã giao và đã được nghiệm thu.",
            "Termination does not end the obligation to pay for goods already delivered and accepted.");
    }

    private static void General(PageLayout layout)
    {
        Heading(layout, "Điều 7. Điều khoản chung", "Article 7. General provisions");
        Clause(layout, "7.1.", "Hợp đồng được lập bằng tiếng Việt, kèm bản dịch tiếng Anh. Khi có sự khác biệt, bản tiếng Việt được ưu tiên áp dụng.",
            "This agreement is made in Vietnamese with an English rendering. Where they differ, the Vietnamese text prevails.");
        Clause(layout, "7.2.", "Tranh chấp phát sinh từ hợp đồng được giải quyết trước hết bằng thương lượng; nếu thương lượng không thành, tranh chấp được đưa ra Tòa án có thẩm quyền tại Hà Nội giải quyết.",
            "Disputes arising from this agreement are settled first by negotiation; failing that, by the competent court in Hà Nội.");
        Clause(layout, "7.3.", "Hợp đồng được giao kết bằng phương tiện điện tử và được ký bằng chữ ký số theo chuẩn CMS (PKCS #7) theo Luật Giao dịch điện tử năm 2023. Chữ ký của mỗi bên là một tệp riêng, được tạo trên chính xác các byte của tệp PDF này; chỉ cần thay đổi một byte, chữ ký sẽ không còn hợp lệ.",
            "This agreement is concluded by electronic means and signed with CMS (PKCS #7) digital signatures under the Law on Electronic Transactions 2023. Each Party's signature is a separate file made over the exact bytes of this PDF file; changing a single byte invalidates the signatures.");
        Clause(layout, "7.4.", "Mọi sửa đổi hợp đồng được lập thành một phiên bản mới và phải được hai bên ký lại; chữ ký trên phiên bản trước không có giá trị đối với phiên bản mới.",
            "Any amendment is made as a new version that both Parties sign again; signatures on an earlier version do not count for a new one.");
    }

    private static void SignatureBlock(PageLayout layout, AgreementTerms terms)
    {
        layout.Space(18);
        layout.Columns([Signatory("ĐẠI DIỆN BÊN A", "FOR PARTY A (BUYER)", terms.Buyer), Signatory("ĐẠI DIỆN BÊN B", "FOR PARTY B (SUPPLIER)", terms.Supplier)], 24);
    }

    private static IReadOnlyList<Piece> Signatory(string vi, string en, AgreementParty party)
    {
        var pieces = new List<Piece>
        {
            new(vi, TextStyle.Strong, Align: SKTextAlign.Center),
            new(en, TextStyle.StrongEn, Align: SKTextAlign.Center, After: 2),
            new(party.LegalName, TextStyle.Body, Align: SKTextAlign.Center, After: 6),
            new("(Ký số)", TextStyle.Body, Align: SKTextAlign.Center),
            new("(Digitally signed)", TextStyle.BodyEn, Align: SKTextAlign.Center, After: 22),
            new(party.Representative, TextStyle.Strong, Align: SKTextAlign.Center),
        };
        if (!string.IsNullOrWhiteSpace(party.RepresentativeTitle))
            pieces.Add(new Piece(party.RepresentativeTitle, TextStyle.Body, Align: SKTextAlign.Center));
        return pieces;
    }

    private static void Heading(PageLayout layout, string vi, string en)
    {
        layout.Space(8);
        layout.Block([new Piece(vi, TextStyle.Heading), new Piece(en, TextStyle.HeadingEn, After: 4)], keepWithNext: 40);
    }

    private static void Paragraph(PageLayout layout, string vi, string en, float after) =>
        layout.Block(new Piece(vi, TextStyle.Body), new Piece(en, TextStyle.BodyEn, After: after));

    private static void Clause(PageLayout layout, string label, string vi, string en) =>
        layout.Block(
            new Piece(vi, TextStyle.Body, Label: label, LabelWidth: ClauseGutter),
            new Piece(en, TextStyle.BodyEn, LabelWidth: ClauseGutter, After: 5));

    private static void Item(PageLayout layout, string label, string vi, string en) =>
        layout.Block(
            new Piece(vi, TextStyle.Body, ItemGutter, label, ItemGutter / 1.6f),
            new Piece(en, TextStyle.BodyEn, ItemGutter, LabelWidth: ItemGutter / 1.6f, After: 2));
}
