using Matchmaking.Catalogue.Model;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>The computed badge, without a database or mocks.</summary>
public sealed class BadgeTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 3, 0, 0, TimeSpan.Zero);
    private readonly Guid _supplier = Guid.NewGuid();
    private readonly Guid _site = Guid.NewGuid();

    private Product NewProduct(Guid? siteId = null, Guid? supplier = null) => Product.Draft(supplier ?? _supplier, new ProductDetails(
        "Giỏ mây Phú Vinh", null, "Giỏ mây đan tay", null, "bamboo-rattan", "cái", [new PriceTier(10, 45_000)],
        10, 1_000, 7, Packaging.Biodegradable, null, [], siteId ?? _site, []), Now);

    private Certificate NewCertificate(DateOnly? from = null, DateOnly? until = null, CertificateScopeKind scope = CertificateScopeKind.Organisation,
        List<Guid>? sites = null, List<Guid>? products = null) => new()
    {
        Id = Guid.NewGuid(), SupplierId = _supplier, SchemeCode = "OCOP", Number = "OCOP-1", Issuer = "UBND TP Hà Nội", Level = "4-star",
        ValidFrom = from ?? Today.AddYears(-1), ValidUntil = until ?? Today.AddYears(1), EvidenceSha256 = new string('0', 64),
        ScopeKind = scope, ScopeSiteIds = sites ?? [], ScopeProductIds = products ?? [], CreatedAt = Now,
    };

    [Fact]
    public void An_active_certificate_inside_its_validity_covering_the_product_earns_the_badge() =>
        Assert.Equal(new Badge(true, null), Badges.Evaluate(NewCertificate(), NewProduct(), Today));

    [Fact]
    public void The_last_valid_day_still_counts_and_the_day_after_does_not()
    {
        var certificate = NewCertificate(until: Today);
        Assert.True(Badges.Evaluate(certificate, NewProduct(), Today).Valid);
        Assert.Equal(new Badge(false, BadgeReason.Expired), Badges.Evaluate(certificate, NewProduct(), Today.AddDays(1)));
    }

    [Fact]
    public void A_certificate_past_its_valid_until_date_is_expired_even_before_the_job_marks_it() =>
        Assert.Equal(BadgeReason.Expired, Badges.Evaluate(NewCertificate(until: Today.AddDays(-1)), NewProduct(), Today).Reason);

    [Fact]
    public void A_certificate_marked_expired_earns_no_badge()
    {
        var certificate = NewCertificate();
        certificate.MarkExpired(Now);
        Assert.Equal(BadgeReason.Expired, Badges.Evaluate(certificate, NewProduct(), Today).Reason);
    }

    [Fact]
    public void A_certificate_not_valid_yet_earns_no_badge() =>
        Assert.Equal(new Badge(false, BadgeReason.NotYetValid), Badges.Evaluate(NewCertificate(from: Today.AddDays(1)), NewProduct(), Today));

    [Fact]
    public void A_suspended_certificate_earns_no_badge_until_reinstated()
    {
        var certificate = NewCertificate();
        certificate.ChangeStatus(CertificateStatus.Suspended, Now);
        Assert.Equal(new Badge(false, BadgeReason.Suspended), Badges.Evaluate(certificate, NewProduct(), Today));
        certificate.ChangeStatus(CertificateStatus.Active, Now);
        Assert.True(Badges.Evaluate(certificate, NewProduct(), Today).Valid);
    }

    [Fact]
    public void A_withdrawn_certificate_earns_no_badge_and_cannot_come_back()
    {
        var certificate = NewCertificate();
        certificate.ChangeStatus(CertificateStatus.Withdrawn, Now);
        Assert.Equal(BadgeReason.Withdrawn, Badges.Evaluate(certificate, NewProduct(), Today).Reason);
        Assert.Throws<ServiceDefaults.ConflictException>(() => certificate.ChangeStatus(CertificateStatus.Active, Now));
    }

    [Fact]
    public void A_site_scoped_certificate_covers_only_products_made_at_its_sites()
    {
        var certificate = NewCertificate(scope: CertificateScopeKind.Sites, sites: [_site]);
        Assert.True(Badges.Evaluate(certificate, NewProduct(), Today).Valid);
        Assert.Equal(BadgeReason.OutOfScope, Badges.Evaluate(certificate, NewProduct(siteId: Guid.NewGuid()), Today).Reason);
    }

    [Fact]
    public void A_product_scoped_certificate_covers_only_the_listed_products()
    {
        var listed = NewProduct();
        var certificate = NewCertificate(scope: CertificateScopeKind.Products, products: [listed.Id]);
        Assert.True(Badges.Evaluate(certificate, listed, Today).Valid);
        Assert.Equal(BadgeReason.OutOfScope, Badges.Evaluate(certificate, NewProduct(), Today).Reason);
    }

    [Fact]
    public void Another_organisations_certificate_never_covers_a_product() =>
        Assert.Equal(BadgeReason.OutOfScope, Badges.Evaluate(NewCertificate(), NewProduct(supplier: Guid.NewGuid()), Today).Reason);

    [Fact]
    public void Renewal_notice_falls_due_thirty_days_before_the_last_valid_day_and_only_once()
    {
        var certificate = NewCertificate(until: Today.AddDays(30));
        Assert.False(certificate.IsDueForRenewalNotice(Today.AddDays(-1), 30));
        Assert.True(certificate.IsDueForRenewalNotice(Today, 30));
        certificate.MarkRenewalNoticeSent(Now);
        Assert.False(certificate.IsDueForRenewalNotice(Today, 30));
        Assert.False(certificate.HasLapsed(Today.AddDays(30)));
        Assert.True(certificate.HasLapsed(Today.AddDays(31)));
    }
}
