using System.Text;
using Matchmaking.ContractSigning.Documents;
using Matchmaking.ContractSigning.Model;

namespace Matchmaking.ContractSigning.Tests.Documents;

/// <summary>A realistic agreement between a Hà Nội supermarket and a rattan and bamboo co-operative.</summary>
public static class SampleAgreement
{
    public const string BuyerName = "Công ty TNHH Thương mại Siêu thị Xanh";
    public const string SupplierName = "Hợp tác xã Mây tre đan Phú Vinh";
    public const string SupplierRepresentative = "Nguyễn Văn Hùng";
    public const string BuyerTaxCode = "0101234567";
    public const string SupplierTaxCode = "0500123456";
    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 23, 10, 30, 0, TimeSpan.FromHours(7));

    public static AgreementDocument Document(int productCount = 3, DateTimeOffset? createdAt = null) =>
        new("HD-2026-000042", 1, createdAt ?? CreatedAt, Terms(productCount));

    public static AgreementTerms Terms(int productCount = 3) => new()
    {
        Buyer = new AgreementParty
        {
            OrganisationId = Guid.Parse("6f1c2a9e-3b7d-4c55-9e21-1a2b3c4d5e6f"),
            LegalName = BuyerName,
            TaxCode = BuyerTaxCode,
            Address = "Số 12 phố Tràng Tiền, phường Tràng Tiền, quận Hoàn Kiếm, Hà Nội",
            Representative = "Trần Thị Mai",
            RepresentativeTitle = "Giám đốc",
        },
        Supplier = new AgreementParty
        {
            OrganisationId = Guid.Parse("0d9e8f7a-6b5c-4d3e-8f21-9a8b7c6d5e4f"),
            LegalName = SupplierName,
            TaxCode = SupplierTaxCode,
            Address = "Thôn Phú Vinh, xã Phú Nghĩa, huyện Chương Mỹ, Hà Nội",
            Representative = SupplierRepresentative,
            RepresentativeTitle = "Chủ nhiệm hợp tác xã",
        },
        Products = [.. Enumerable.Range(0, productCount).Select(Product)],
        Delivery = new DeliveryTerms
        {
            Place = "Kho Siêu thị Xanh, lô B2 khu công nghiệp Sài Đồng B, quận Long Biên, Hà Nội",
            Frequency = DeliveryFrequencies.Weekly,
            LeadTimeDays = 5,
        },
        Payment = new PaymentTerms { DueDays = 30, Method = PaymentMethods.BankTransfer, PricesIncludeVat = true },
        Sustainability = new SustainabilityTerms
        {
            EcoFriendlyPackaging = true,
            KeepCertificatesValid = true,
            CertificateLapseNoticeDays = 7,
            PackagingTakeBack = true,
            TraceabilityCodesOnDeliveries = true,
            BuyerCommitments = ["no-single-use-plastic-bags", "local-sourcing"],
        },
        EffectiveFrom = new DateOnly(2027, 1, 1),
        EffectiveUntil = new DateOnly(2027, 12, 31),
        TerminationNoticeDays = 30,
        NeedTitle = "Ống hút và hộp tre thay nhựa dùng một lần",
    };

    private static readonly (string Vi, string En, string Unit, long Price, long Volume, string Packaging)[] Catalogue =
    [
        ("Ống hút tre", "Bamboo drinking straw", "chiếc", 1_150, 20_000, "plastic-free"),
        ("Giỏ mây đựng hàng", "Rattan shopping basket", "chiếc", 85_000, 300, "biodegradable"),
        ("Hộp tre đựng thực phẩm", "Bamboo food box", "hộp", 42_500, 1_200, "plastic-free"),
    ];

    private static AgreementProduct Product(int index)
    {
        var (vi, en, unit, price, volume, packaging) = Catalogue[index % Catalogue.Length];
        var suffix = index < Catalogue.Length ? "" : $" loại {index + 1}";
        return new AgreementProduct
        {
            ProductId = new Guid(index + 1, 0, 0, new byte[8]),
            NameVi = vi + suffix,
            NameEn = en,
            Unit = unit,
            UnitPriceVnd = price,
            MonthlyVolume = volume,
            Packaging = packaging,
            TraceabilityCode = $"VN-HN-PV-{index + 1:000}",
            Certifications =
            [
                new AgreementCertificate("OCOP", "OCOP-HN-2025-0147", "Ủy ban nhân dân thành phố Hà Nội", new DateOnly(2028, 6, 30)),
                new AgreementCertificate("VN_GREEN_LABEL", "NSTVN-0321", "Bộ Tài nguyên và Môi trường", null),
            ],
        };
    }

    /// <summary>The same terms with every text decomposed (NFD), as some keyboards and browsers send it.</summary>
    public static AgreementTerms Decomposed(AgreementTerms terms)
    {
        static string D(string s) => s.Normalize(NormalizationForm.FormD);
        static AgreementParty Party(AgreementParty p) => p with
        {
            LegalName = D(p.LegalName), Address = D(p.Address), Representative = D(p.Representative),
            RepresentativeTitle = p.RepresentativeTitle is null ? null : D(p.RepresentativeTitle),
        };
        return terms with
        {
            Buyer = Party(terms.Buyer),
            Supplier = Party(terms.Supplier),
            Products = [.. terms.Products.Select(p => p with
            {
                NameVi = D(p.NameVi), Unit = D(p.Unit),
                Certifications = [.. p.Certifications.Select(c => c with { Issuer = D(c.Issuer) })],
            })],
            Delivery = terms.Delivery with { Place = D(terms.Delivery.Place) },
            NeedTitle = terms.NeedTitle is null ? null : D(terms.NeedTitle),
        };
    }
}
