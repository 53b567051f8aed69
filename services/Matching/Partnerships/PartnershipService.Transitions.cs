using System.Security.Claims;
using Matchmaking.Contracts.Identity;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.Services;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Matchmaking.Matching.Partnerships;

public sealed partial class PartnershipService
{
    public async Task<Partnership> AcceptAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var partnership = await FindForAnswerAsync(user, id, ct);
        var userId = user.UserIdOf() ?? throw new ForbiddenException("The access token names no user.");
        await db.FindOrOpenOrganisationAsync(partnership.SupplierId, OrganisationKinds.Supplier, clock.GetUtcNow(), ct);
        return await TransitionAsync(partnership, PartnershipStatus.Accepted, s => s.SetProperty(p => p.AnsweredByUserId, userId),
            (p, now) => announcer.AcceptedAsync(p, userId, now, ct), ct);
    }

    public async Task<Partnership> DeclineAsync(ClaimsPrincipal user, Guid id, string reason, CancellationToken ct)
    {
        var partnership = await FindForAnswerAsync(user, id, ct);
        var (userId, text) = (user.UserIdOf(), reason.Trim());
        return await TransitionAsync(partnership, PartnershipStatus.Declined,
            s => s.SetProperty(p => p.AnsweredByUserId, userId).SetProperty(p => p.DeclineReason, text),
            (p, now) => { announcer.Declined(p, now); return Task.CompletedTask; }, ct);
    }

    public async Task<Partnership> WithdrawAsync(ClaimsPrincipal user, Guid id, string? reason, CancellationToken ct)
    {
        var partnership = await FindVisibleAsync(user, id, ct);
        if (user.IsProgrammeOffice()) throw new ForbiddenException("The programme office only reads partnerships.");
        if (user.OrganisationIdOf() != partnership.BuyerId) throw new ForbiddenException("Only the buyer withdraws its request.");
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return await TransitionAsync(partnership, PartnershipStatus.Withdrawn, s => s.SetProperty(p => p.WithdrawReason, text),
            (p, now) => { announcer.Withdrawn(p, now); return Task.CompletedTask; }, ct);
    }

    /// <summary>Expires the request if it is still unanswered past its deadline on this service's clock; false when it was not.</summary>
    public async Task<bool> ExpireAsync(Guid id, CancellationToken ct)
    {
        var partnership = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (partnership is null || partnership.Status != PartnershipStatus.Requested) return false;
        try
        {
            await TransitionAsync(partnership, PartnershipStatus.Expired, _ => { },
                (p, now) => { announcer.Expired(p, now); return Task.CompletedTask; }, ct);
            return true;
        }
        catch (ConflictException)
        {
            return false; // answered, withdrawn or not yet due: nothing to expire
        }
    }

    /// <summary>
    /// Exactly one outcome under races: the change is a conditional UPDATE from requested (and, except for expiry, before
    /// the deadline) in the same transaction as its events. A concurrent answer waits on the row lock, then finds the
    /// status moved and changes nothing: the loser gets 409.
    /// </summary>
    private async Task<Partnership> TransitionAsync(Partnership partnership, PartnershipStatus to, Action<UpdateSettersBuilder<Partnership>> set,
        Func<Partnership, DateTimeOffset, Task> announce, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = db.Partnerships.Where(p => p.Id == partnership.Id && p.Status == PartnershipStatus.Requested);
        pending = to == PartnershipStatus.Expired ? pending.Where(p => p.ExpiresAt <= now) : pending.Where(p => p.ExpiresAt > now);
        var changed = await pending.ExecuteUpdateAsync(s =>
            {
                s.SetProperty(p => p.Status, to).SetProperty(p => p.ClosedAt, now);
                set(s);
            }, ct);
        if (changed == 0) throw await ConflictAsync(partnership.Id, now, ct);

        var updated = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == partnership.Id, ct);
        await announce(updated, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var status = to.ToString().ToLowerInvariant();
        MatchingTelemetry.PartnershipTransitions.Add(1, new KeyValuePair<string, object?>("status", status));
        MatchingLog.PartnershipChanged(logger, updated.Id, updated.BuyerId, updated.SupplierId, status);
        return updated;
    }

    private async Task<ConflictException> ConflictAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var current = await db.Partnerships.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Status, p.ExpiresAt }).SingleAsync(ct);
        return current.Status == PartnershipStatus.Requested
            ? new ConflictException(current.ExpiresAt <= now
                ? $"The request expired at {current.ExpiresAt:u}."
                : "The request is not due to expire yet.")
            : new ConflictException($"The request was already {current.Status.ToString().ToLowerInvariant()}.");
    }

    /// <summary>The supplier answers; the buyer and the programme office cannot.</summary>
    private async Task<Partnership> FindForAnswerAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var partnership = await FindVisibleAsync(user, id, ct);
        if (user.IsProgrammeOffice()) throw new ForbiddenException("The programme office only reads partnerships.");
        if (user.OrganisationIdOf() != partnership.SupplierId) throw new ForbiddenException("Only the supplier answers a request.");
        return partnership;
    }

    /// <summary>The two parties and the programme office see a partnership; anyone else learns nothing, not even that it exists.</summary>
    public async Task<Partnership> FindVisibleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var organisationId = user.RequireOrganisation();
        var partnership = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (partnership is null || (!partnership.IsParty(organisationId) && !user.IsProgrammeOffice())) throw new NotFoundException("Partnership", id);
        return partnership;
    }
}
