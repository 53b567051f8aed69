using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Matchmaking.Messaging;

/// <summary>Traces and metrics of the outbox relay and inbox, registered by the service defaults.</summary>
public static class MessagingTelemetry
{
    public const string Name = "Matchmaking.Messaging";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Published = Meter.CreateCounter<long>("outbox.messages.published", description: "Outbox messages confirmed by the broker");
    internal static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>("outbox.publish.failures", description: "Failed publish attempts; rows stay pending");
    internal static readonly Histogram<double> Delay = Meter.CreateHistogram<double>("outbox.delivery.delay", "ms", "Time from commit to broker confirm");
    internal static readonly Counter<long> DuplicatesSkipped = Meter.CreateCounter<long>("inbox.duplicates.skipped", description: "Redelivered messages the inbox recognised and skipped");
}
