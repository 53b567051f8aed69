namespace Matchmaking.Messaging;

/// <summary>A message a consumer endpoint has applied; its presence makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
