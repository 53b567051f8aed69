using MassTransit;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.ReadModels;
using Matchmaking.Matching.Services;

namespace Matchmaking.Matching.Consumers;

/// <summary>
/// Re-ranks a changed need against every product with its new criteria and weights; only products new to it are
/// announced, and ids stay for products that still match. Idempotent and order-safe: an event older than the row changes nothing.
/// </summary>
public sealed class NeedUpdatedConsumer(ReadModelWriter writer, MatchEngine engine, ILogger<NeedUpdatedConsumer> logger) : IConsumer<NeedUpdated>
{
    public async Task Consume(ConsumeContext<NeedUpdated> context)
    {
        var message = context.Message;
        var applied = await writer.UpsertNeedAsync(message.Need, message.Version, context.CancellationToken);
        MatchingLog.ReadModelApplied(logger, "Need", message.Need.NeedId, message.Version, applied);
        if (applied) await engine.MatchNeedAsync(message.Need.NeedId, context.CancellationToken);
    }
}
