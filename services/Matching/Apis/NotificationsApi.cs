using System.Security.Claims;
using Matchmaking.Matching.Data;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Matching.Apis;

/// <summary>The caller's organisation's feed, newest first. Another organisation's entries are reported as missing.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching/notifications").WithTags("Notifications").RequireAuthorization()
            .ProducesProblem(401).ProducesProblem(403);

        api.MapGet("/", ListNotifications).WithName("ListNotifications")
            .WithSummary("The organisation's feed, newest first, optionally only unread entries").ProducesValidationProblem();
        api.MapPost("/{id:guid}/read", MarkRead).WithName("MarkNotificationRead").WithSummary("Mark one entry read").ProducesProblem(404);
        api.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead").WithSummary("Mark every unread entry read");
        return app;
    }

    public static async Task<Ok<PagedResponse<NotificationResponse>>> ListNotifications([AsParameters] NotificationsQuery query, ClaimsPrincipal user,
        [FromServices] MatchingDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unreadOnly = Paging.Flag(query.UnreadOnly, "unreadOnly", errors);
        var (page, pageSize) = Paging.Check(query.Page, query.PageSize, errors);
        var organisationId = user.RequireOrganisation();
        var feed = db.Notifications.AsNoTracking().Where(n => n.OrganisationId == organisationId);
        if (unreadOnly == true) feed = feed.Where(n => n.ReadAt == null);
        var total = await feed.LongCountAsync(ct);
        var items = await feed.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResponse<NotificationResponse>([.. items.Select(NotificationResponse.From)], page, pageSize, total));
    }

    public static async Task<Ok<NotificationResponse>> MarkRead(Guid id, ClaimsPrincipal user, [FromServices] MatchingDbContext db,
        [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var organisationId = user.RequireOrganisation();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.OrganisationId == organisationId, ct)
            ?? throw new NotFoundException("Notification", id);
        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NotificationResponse.From(notification));
    }

    public static async Task<Ok<ReadAllResponse>> MarkAllRead(ClaimsPrincipal user, [FromServices] MatchingDbContext db,
        [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var organisationId = user.RequireOrganisation();
        var now = clock.GetUtcNow();
        var marked = await db.Notifications.Where(n => n.OrganisationId == organisationId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return TypedResults.Ok(new ReadAllResponse(marked));
    }
}
