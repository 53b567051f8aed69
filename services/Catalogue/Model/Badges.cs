namespace Matchmaking.Catalogue.Model;

/// <summary>Why a claimed certificate earns no badge. Kebab-case in JSON.</summary>
public enum BadgeReason { Suspended, Withdrawn, Expired, NotYetValid, OutOfScope }

public sealed record Badge(bool Valid, BadgeReason? Reason);

/// <summary>
/// The badge a product shows for a certificate it claims. Computed on every read and every snapshot, never stored,
/// so a certificate that lapses overnight stops counting without anyone rewriting the products that cite it.
/// </summary>
public static class Badges
{
    public static Badge Evaluate(Certificate certificate, Product product, DateOnly today)
    {
        BadgeReason? reason = certificate.Status switch
        {
            CertificateStatus.Suspended => BadgeReason.Suspended,
            CertificateStatus.Withdrawn => BadgeReason.Withdrawn,
            CertificateStatus.Expired => BadgeReason.Expired,
            _ when today < certificate.ValidFrom => BadgeReason.NotYetValid,
            _ when certificate.ValidUntil is { } until && until < today => BadgeReason.Expired,
            _ when !certificate.Covers(product) => BadgeReason.OutOfScope,
            _ => null,
        };
        return new Badge(reason is null, reason);
    }
}
