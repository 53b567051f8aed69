using MassTransit;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.ReadModels;
using Matchmaking.Matching.Services;

namespace Matchmaking.Matching.Consumers;

/// <summary>
/// Keeps the need's read-model row and matches it against every product, replacing its matches (ids stay for products
/// that still match). Idempotent and order-safe: an event older than the row changes nothing.
/// </summary>
public sealed class NeedPostedConsumer(ReadModelWriter writer, MatchEngine engine, ILogger<NeedPostedConsumer> logger) : IConsumer<NeedPosted>
{
    public async Task Consume(ConsumeContext<NeedPosted> context)
    {
        var message = context.Message;
        var applied = await writer.UpsertNeedAsync(message.Need, message.Version, context.CancellationToken);
        MatchingLog.ReadModelApplied(logger, "Need", message.Need.NeedId, message.Version, applied);
        if (applied) await engine.MatchNeedAsync(message.Need.NeedId, context.CancellationToken);
    }
}
