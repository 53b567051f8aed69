using MassTransit;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.ReadModels;
using Matchmaking.Matching.Services;

namespace Matchmaking.Matching.Consumers;

/// <summary>A closed or expired need takes no more matches; its matches are marked closed and kept as history.</summary>
public sealed class NeedClosedConsumer(ReadModelWriter writer, MatchEngine engine, ILogger<NeedClosedConsumer> logger) : IConsumer<NeedClosed>
{
    public async Task Consume(ConsumeContext<NeedClosed> context)
    {
        var message = context.Message;
        var status = message.Reason == "expired" ? "expired" : "closed";
        var applied = await writer.CloseNeedAsync(message.NeedId, message.RetailerId, status, message.Version, context.CancellationToken);
        MatchingLog.ReadModelApplied(logger, "Need", message.NeedId, message.Version, applied);
        if (applied) await engine.CloseNeedAsync(message.NeedId, context.CancellationToken);
    }
}
