using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Matchmaking.Matching.Engine;

/// <summary>Traces and metrics of match computations and partnerships; the service defaults collect every "Matchmaking.*" source and meter.</summary>
public static class MatchingTelemetry
{
    public const string Name = "Matchmaking.Matching";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> ComputationDuration = Meter.CreateHistogram<double>(
        "matching.computation.duration", "ms", "Time to match one need against every product, or one product against every open need");
    internal static readonly Counter<long> MatchesFound = Meter.CreateCounter<long>("matching.matches.found", description: "Matches new for their need");
    internal static readonly Counter<long> MatchesRemoved = Meter.CreateCounter<long>("matching.matches.removed", description: "Matches that stopped qualifying");
    internal static readonly Counter<long> PartnershipTransitions = Meter.CreateCounter<long>("matching.partnerships.transitions",
        description: "Partnership requests made, accepted, declined, withdrawn or expired");
}
