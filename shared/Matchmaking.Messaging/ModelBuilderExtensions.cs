using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Messaging;

public static class ModelBuilderExtensions
{
    /// <summary>Adds the outbox and inbox tables to a service's own DbContext model.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            e.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(512);
            e.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
            e.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            e.Property(m => m.CorrelationId).HasColumnName("correlation_id").HasMaxLength(128);
            e.Property(m => m.CreatedAt).HasColumnName("created_at");
            e.Property(m => m.SentAt).HasColumnName("sent_at");
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            // The relay only ever scans unsent rows in commit order.
            e.HasIndex(m => m.Sequence).HasDatabaseName("ix_outbox_pending").HasFilter("sent_at IS NULL");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(256);
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });
        return model;
    }
}
