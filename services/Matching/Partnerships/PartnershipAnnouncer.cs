using Matchmaking.Contracts.Matching;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Notifications;
using Matchmaking.Matching.ReadModels;
using Matchmaking.Matching.Services;
using Matchmaking.Messaging;

namespace Matchmaking.Matching.Partnerships;

/// <summary>
/// The events and feed entries of each partnership transition, added to the transition's unit of work. The accepted
/// event carries everything the contract service drafts an agreement from: both parties as registered, the products as
/// requested, the delivery point, the need's dates and the retailer's commitments. Feed texts are Vietnamese, with
/// deadlines on the Vietnamese clock (<see cref="VietnameseText"/>).
/// </summary>
public sealed class PartnershipAnnouncer(MatchingDbContext db, ReadModelReader readModels, NotificationWriter notifications)
{
    public void Requested(Partnership p)
    {
        db.PublishOnCommit(new PartnershipRequested
        {
            PartnershipId = p.Id, BuyerId = p.BuyerId, SupplierId = p.SupplierId, NeedId = p.NeedId, MatchId = p.MatchId,
            Products = p.Products, Delivery = p.Delivery, Message = p.Message, ExpiresAt = p.ExpiresAt, OccurredAt = p.CreatedAt,
        });
        var products = string.Join(", ", p.Products.Select(x => $"“{x.NameVi}” ({VietnameseText.Number(x.MonthlyVolume)} {x.Unit}/tháng)"));
        // The deadline is an instant, so it is given with its time on the Vietnamese clock: a UTC date alone can be a day off.
        var deadline = VietnameseText.Moment(p.ExpiresAt);
        Notify(p, NotificationKinds.PartnershipRequested,
            toSupplier: ($"{Name(p.BuyerName, "Một nhà bán lẻ")} đề nghị hợp tác", $"{products}. Vui lòng trả lời trước {deadline}."),
            toBuyer: ($"Đã gửi đề nghị hợp tác đến {p.SupplierName}", $"{products}. Nhà cung cấp cần trả lời trước {deadline}."));
    }

    public async Task AcceptedAsync(Partnership p, Guid acceptedBy, DateTimeOffset now, CancellationToken ct)
    {
        var need = p.NeedId is { } needId ? (await readModels.NeedAsync(needId, ct))?.Snapshot : null;
        var today = DateOnly.FromDateTime(now.ToOffset(MatchingClock.VietnamOffset).DateTime);
        var buyer = await db.Organisations.FindAsync([p.BuyerId], ct);
        var supplier = await db.Organisations.FindAsync([p.SupplierId], ct);
        // Fallbacks for an organisation whose registration never reached matching: the names the snapshots carried.
        var site = supplier?.Province is null ? (await readModels.ProductsAsync([p.Products[0].ProductId], ct)).Values.FirstOrDefault()?.Snapshot?.Site : null;
        db.PublishOnCommit(new PartnershipAccepted
        {
            PartnershipId = p.Id,
            Buyer = Party(buyer, p.BuyerId, p.BuyerName, p.Delivery.Province, p.Delivery.District),
            Supplier = Party(supplier, p.SupplierId, p.SupplierName, site?.Province ?? "", site?.District),
            NeedId = p.NeedId,
            NeedTitle = p.NeedTitle,
            Products = p.Products,
            Delivery = p.Delivery,
            // Supply starts when the need asked for it, but never before the day the supplier agreed to it.
            SupplyFrom = need?.NeededFrom is { } from && from > today ? from : today,
            SupplyUntil = need?.ValidUntil,
            BuyerCommitments = need?.RetailerCommitments ?? [],
            BuyerMessage = p.Message,
            AcceptedByUserId = acceptedBy,
            AcceptedAt = now,
        });
        Notify(p, NotificationKinds.PartnershipAccepted,
            toSupplier: ($"Bạn đã chấp nhận đề nghị hợp tác của {Name(p.BuyerName, "nhà bán lẻ")}", "Hợp đồng hợp tác sẽ được soạn thảo tiếp theo."),
            toBuyer: ($"{p.SupplierName} đã chấp nhận đề nghị hợp tác của bạn", "Hợp đồng hợp tác sẽ được soạn thảo tiếp theo."));
    }

    public void Declined(Partnership p, DateTimeOffset now)
    {
        db.PublishOnCommit(new PartnershipDeclined
        {
            PartnershipId = p.Id, BuyerId = p.BuyerId, SupplierId = p.SupplierId, Reason = p.DeclineReason ?? "", OccurredAt = now,
        });
        Notify(p, NotificationKinds.PartnershipDeclined,
            toSupplier: ($"Bạn đã từ chối đề nghị hợp tác của {Name(p.BuyerName, "nhà bán lẻ")}", p.DeclineReason ?? ""),
            toBuyer: ($"{p.SupplierName} đã từ chối đề nghị hợp tác của bạn", p.DeclineReason ?? ""));
    }

    public void Withdrawn(Partnership p, DateTimeOffset now)
    {
        db.PublishOnCommit(new PartnershipWithdrawn
        {
            PartnershipId = p.Id, BuyerId = p.BuyerId, SupplierId = p.SupplierId, Reason = p.WithdrawReason, OccurredAt = now,
        });
        Notify(p, NotificationKinds.PartnershipWithdrawn,
            toSupplier: ($"{Name(p.BuyerName, "Nhà bán lẻ")} đã rút lại đề nghị hợp tác", p.WithdrawReason ?? ""),
            toBuyer: ($"Bạn đã rút lại đề nghị hợp tác gửi {p.SupplierName}", p.WithdrawReason ?? ""));
    }

    public void Expired(Partnership p, DateTimeOffset now)
    {
        db.PublishOnCommit(new PartnershipExpired { PartnershipId = p.Id, BuyerId = p.BuyerId, SupplierId = p.SupplierId, OccurredAt = now });
        Notify(p, NotificationKinds.PartnershipExpired,
            toSupplier: ($"Đề nghị hợp tác của {Name(p.BuyerName, "một nhà bán lẻ")} đã hết hạn mà chưa được trả lời", $"Hết hạn lúc {VietnameseText.Moment(p.ExpiresAt)}."),
            toBuyer: ($"Đề nghị hợp tác gửi {p.SupplierName} đã hết hạn mà chưa được trả lời", $"Hết hạn lúc {VietnameseText.Moment(p.ExpiresAt)}."));
    }

    private void Notify(Partnership p, string kind, (string Title, string Body) toSupplier, (string Title, string Body) toBuyer)
    {
        var links = new NotificationLinks(NeedId: p.NeedId, ProductId: p.Products.FirstOrDefault()?.ProductId, MatchId: p.MatchId, PartnershipId: p.Id);
        notifications.Add(p.SupplierId, kind, toSupplier.Title, toSupplier.Body, links);
        notifications.Add(p.BuyerId, kind, toBuyer.Title, toBuyer.Body, links);
    }

    private static PartySnapshot Party(Organisation? o, Guid id, string fallbackName, string fallbackProvince, string? fallbackDistrict) => new()
    {
        OrganisationId = id,
        LegalName = o?.LegalName ?? fallbackName,
        TaxCode = o?.TaxCode ?? "",
        Province = o?.Province ?? fallbackProvince,
        District = o?.Province is null ? fallbackDistrict : o.District,
        Address = o?.AddressLine,
        Representative = o?.Representative,
    };

    private static string Name(string name, string fallback) => string.IsNullOrWhiteSpace(name) ? fallback : name;
}
