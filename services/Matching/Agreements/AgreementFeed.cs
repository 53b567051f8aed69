using Matchmaking.Contracts.Agreements;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Notifications;
using Matchmaking.Matching.Services;

namespace Matchmaking.Matching.Agreements;

/// <summary>
/// The Vietnamese feed entries of each agreement event, for the organisations it concerns: both parties, except a
/// signing reminder (the party that has not signed) and a signature (the other party, who is waiting for it). Instants
/// are given on the Vietnamese clock (dd/MM/yyyy HH:mm), term dates as dates.
/// </summary>
public static class AgreementFeed
{
    public static IEnumerable<NewNotification> Drafted(AgreementParties p, AgreementDrafted m) =>
        Both(p, NotificationKinds.AgreementDrafted, $"Hợp đồng hợp tác {m.AgreementNumber} đã được soạn thảo",
            $"Bản dự thảo giữa {p.BuyerName} và {p.SupplierName} được lập từ đề nghị hợp tác đã chấp nhận. Vui lòng xem xét các điều khoản trước khi gửi ký.");

    public static IEnumerable<NewNotification> Amended(AgreementParties p, AgreementAmended m)
    {
        const string body = "Chữ ký trên các phiên bản trước không còn hiệu lực.";
        yield return To(p, m.AmendedBy, NotificationKinds.AgreementAmended, $"Bạn đã sửa đổi hợp đồng {m.AgreementNumber} (phiên bản {m.Version})", body);
        yield return To(p, p.OtherThan(m.AmendedBy), NotificationKinds.AgreementAmended,
            $"{p.NameOf(m.AmendedBy)} đã sửa đổi hợp đồng {m.AgreementNumber} (phiên bản {m.Version})", $"Vui lòng xem xét phiên bản mới. {body}");
    }

    public static IEnumerable<NewNotification> SentForSignature(AgreementParties p, AgreementSentForSignature m) =>
        Both(p, NotificationKinds.AgreementSentForSignature, $"Hợp đồng {m.AgreementNumber} đã được gửi để ký",
            $"Phiên bản {m.Version} cần được cả hai bên ký trước {VietnameseText.DateAndTime(m.SigningDeadline)} (giờ Việt Nam).");

    /// <summary>Only to the organisation that has not signed, and not once the agreement is in force or over (a late reminder).</summary>
    public static IEnumerable<NewNotification> SignatureDue(AgreementParties p, AgreementSignatureDue m)
    {
        if (p.StatusBefore is AgreementStatuses.Active or AgreementStatuses.Terminated or AgreementStatuses.Expired) yield break;
        yield return To(p, m.OrganisationId, NotificationKinds.AgreementSignatureDue, $"Sắp hết hạn ký hợp đồng {m.AgreementNumber}",
            $"Tổ chức của bạn chưa ký phiên bản {m.Version}. Hạn ký: {VietnameseText.DateAndTime(m.SigningDeadline)} (giờ Việt Nam).");
    }

    /// <summary>Only to the other party: the signer knows it signed.</summary>
    public static IEnumerable<NewNotification> Signed(AgreementParties p, AgreementSigned m)
    {
        yield return To(p, p.OtherThan(m.OrganisationId), NotificationKinds.AgreementSigned, $"{p.NameOf(m.OrganisationId)} đã ký hợp đồng {m.AgreementNumber}",
            $"Phiên bản {m.Version} được ký lúc {VietnameseText.DateAndTime(m.SignedAt)} (giờ Việt Nam). Hợp đồng có hiệu lực khi cả hai bên đã ký.");
    }

    public static IEnumerable<NewNotification> Activated(AgreementParties p, AgreementActivated m) =>
        Both(p, NotificationKinds.AgreementActivated, $"Hợp đồng {m.AgreementNumber} đã có hiệu lực",
            $"Cả hai bên đã ký phiên bản {m.Version}. Thời hạn từ {VietnameseText.Date(m.EffectiveFrom)} đến {VietnameseText.Date(m.EffectiveUntil)}.");

    public static IEnumerable<NewNotification> Terminated(AgreementParties p, AgreementTerminated m)
    {
        var body = $"Hợp đồng chấm dứt từ ngày {VietnameseText.Date(m.EffectiveOn)}. Lý do: {m.Reason}";
        yield return To(p, m.TerminatedBy, NotificationKinds.AgreementTerminated, $"Bạn đã chấm dứt hợp đồng {m.AgreementNumber}", body);
        yield return To(p, p.OtherThan(m.TerminatedBy), NotificationKinds.AgreementTerminated,
            $"{p.NameOf(m.TerminatedBy)} đã chấm dứt hợp đồng {m.AgreementNumber}", body);
    }

    public static IEnumerable<NewNotification> Expired(AgreementParties p, AgreementExpired m) => m.Reason == AgreementExpiryReasons.SigningDeadlinePassed
        ? Both(p, NotificationKinds.AgreementExpired, $"Hợp đồng {m.AgreementNumber} đã hết hạn ký",
            "Hạn ký đã qua trước khi cả hai bên ký; hợp đồng không có hiệu lực.")
        : Both(p, NotificationKinds.AgreementExpired, $"Hợp đồng {m.AgreementNumber} đã hết thời hạn", "Thời hạn của hợp đồng đã kết thúc.");

    private static IEnumerable<NewNotification> Both(AgreementParties p, string kind, string title, string body) =>
        [To(p, p.Change.BuyerId, kind, title, body), To(p, p.Change.SupplierId, kind, title, body)];

    private static NewNotification To(AgreementParties p, Guid organisationId, string kind, string title, string body) =>
        new(organisationId, kind, title, body, p.Links);
}
