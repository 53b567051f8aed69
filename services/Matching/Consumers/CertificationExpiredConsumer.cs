using MassTransit;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.Matching.Engine;

namespace Matchmaking.Matching.Consumers;

/// <summary>
/// Rematches the products that cited the lapsed certificate. The catalogue also re-announces them with ProductUpdated;
/// whichever lands first does the work and the other finds nothing new, because validity is judged by date either way.
/// </summary>
public sealed class CertificationExpiredConsumer(MatchEngine engine) : IConsumer<CertificationExpired>
{
    public async Task Consume(ConsumeContext<CertificationExpired> context)
    {
        foreach (var productId in context.Message.AffectedProductIds.Distinct())
            await engine.MatchProductAsync(productId, context.CancellationToken);
    }
}
