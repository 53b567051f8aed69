using System.Text.Json.Nodes;
using Matchmaking.Matching.Data;
using Matchmaking.Matching.Model;
using NpgsqlTypes;

namespace Matchmaking.Matching.Notifications;

/// <summary>An entry for an organisation's feed, before it is written.</summary>
public sealed record NewNotification(Guid OrganisationId, string Kind, string Title, string Body, NotificationLinks Links);

/// <summary>
/// Adds entries to organisations' feeds in the caller's unit of work, so an entry exists exactly when the change it
/// reports commits. Any event that concerns an organisation can land here (matches, partnerships and agreements).
/// </summary>
public sealed class NotificationWriter(MatchingDbContext db, TimeProvider clock)
{
    /// <summary>Adds one entry to the context; it is written by the caller's SaveChanges.</summary>
    public Notification Add(Guid organisationId, string kind, string title, string body, NotificationLinks? links = null)
    {
        var notification = Create(new NewNotification(organisationId, kind, title, body, links ?? new NotificationLinks()));
        db.Notifications.Add(notification);
        return notification;
    }

    /// <summary>Writes many entries in one statement, in the context's current transaction (a match computation announces hundreds at once).</summary>
    public async Task<int> WriteAsync(IReadOnlyCollection<NewNotification> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return 0;
        const string sql = """
            INSERT INTO notifications (id, organisation_id, kind, title, body, need_id, product_id, match_id, partnership_id, agreement_id, created_at)
            SELECT r.id, r.organisation_id, r.kind, r.title, r.body, r.need_id, r.product_id, r.match_id, r.partnership_id, r.agreement_id, $2
            FROM jsonb_to_recordset($1) AS r(id uuid, organisation_id uuid, kind text, title text, body text, need_id uuid, product_id uuid,
                match_id uuid, partnership_id uuid, agreement_id uuid)
            """;
        var rows = new JsonArray([.. entries.Select(Create).Select(n => new JsonObject
        {
            ["id"] = n.Id, ["organisation_id"] = n.OrganisationId, ["kind"] = n.Kind, ["title"] = n.Title, ["body"] = n.Body,
            ["need_id"] = n.NeedId, ["product_id"] = n.ProductId, ["match_id"] = n.MatchId, ["partnership_id"] = n.PartnershipId,
            ["agreement_id"] = n.AgreementId,
        })]);
        await using var command = (await db.CommandAsync(sql, ct))
            .With(rows.ToJsonString(), NpgsqlDbType.Jsonb).With(clock.GetUtcNow(), NpgsqlDbType.TimestampTz);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private Notification Create(NewNotification n) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganisationId = n.OrganisationId,
        Kind = n.Kind,
        Title = Truncate(n.Title, 500),
        Body = Truncate(n.Body, 2000),
        NeedId = n.Links.NeedId,
        ProductId = n.Links.ProductId,
        MatchId = n.Links.MatchId,
        PartnershipId = n.Links.PartnershipId,
        AgreementId = n.Links.AgreementId,
        CreatedAt = clock.GetUtcNow(),
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
