using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Matchmaking.ContractSigning.Services;

/// <summary>Traces and metrics of agreements and signatures; the service defaults collect every "Matchmaking.*" source and meter.</summary>
public static class ContractsTelemetry
{
    public const string Name = "Matchmaking.Contracts";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Transitions = Meter.CreateCounter<long>("contracts.agreements.transitions",
        description: "Agreements drafted, amended, sent, signed, activated, terminated or expired (tagged status)");
    internal static readonly Counter<long> SignaturesAccepted = Meter.CreateCounter<long>("contracts.signatures.accepted",
        description: "Signatures accepted (tagged method)");
    internal static readonly Counter<long> SignaturesRefused = Meter.CreateCounter<long>("contracts.signatures.refused",
        description: "Signatures refused for a bad token, certificate or signature (tagged method)");
    internal static readonly Histogram<double> SigningDuration = Meter.CreateHistogram<double>("contracts.signing.duration", "ms",
        "Time to check and record one signature, remote ones including the key's decryption and the CMS signing");
    internal static readonly Histogram<double> RenderDuration = Meter.CreateHistogram<double>("contracts.render.duration", "ms",
        "Time to render one version's PDF");
}
