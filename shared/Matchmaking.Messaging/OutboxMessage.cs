namespace Matchmaking.Messaging;

/// <summary>An integration event written in the same transaction as the change that caused it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Becomes the MassTransit MessageId, so a re-sent row is recognised by every inbox.</summary>
    public Guid Id { get; init; }
    /// <summary>Commit order; the relay publishes in this order.</summary>
    public long Sequence { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    public string? TraceParent { get; init; }
    public string? CorrelationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
