using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Contracts.Matching;
using Matchmaking.Contracts.Needs;
using Matchmaking.DemoData;
using Matchmaking.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Matchmaking.Benchmarks;

/// <summary>
/// Agreements on the running platform, between the demo retailer and the demo bag supplier: PartnershipAccepted to
/// AgreementDrafted (drafting and the PDF, through the broker); an amendment through the gateway (a new version's PDF
/// rendered and stored before the answer); remote signing and verification through the gateway; then signatures per
/// second with concurrent signers.
/// </summary>
public static class ContractsBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(Platform platform, int samples)
    {
        var gateway = new Uri(platform.GatewayUrl);
        using var buyer = await SignInAsync(gateway, DemoNetwork.Retailer.Email);
        using var supplier = await SignInAsync(gateway, DemoNetwork.Suppliers[3].Email);
        foreach (var party in new[] { buyer, supplier }) await party.Client.PostAsync("/api/contracts/certificates", null); // 409 if the demo issued one

        Console.Error.WriteLine($"Drafting {samples + 3} agreements from PartnershipAccepted...");
        var drafted = await DraftAsync(platform, buyer, supplier, samples + 3);
        var draftMs = drafted.Skip(3).Select(d => d.Ms).ToArray();
        var agreements = drafted.Select(d => d.AgreementId).ToList();

        var amendMs = new List<double>();
        var signMs = new List<double>();
        var activationMs = new List<double>();
        var reportMs = new List<double>();
        var checkMs = new List<double>();
        for (var i = 0; i < agreements.Count; i++)
        {
            var id = agreements[i];
            var warm = i >= 3;
            var terms = (await Get(buyer, $"/api/contracts/agreements/{id}")).GetProperty("currentVersion").GetProperty("terms");
            var amend = await TimeAsync(() => Send(supplier, HttpMethod.Post, $"/api/contracts/agreements/{id}/versions", Amendment(terms, 15 + i % 14)));
            if (warm) amendMs.Add(amend.Ms);
            await Send(buyer, HttpMethod.Post, $"/api/contracts/agreements/{id}/send-for-signature", new { version = 2 });
            foreach (var party in new[] { buyer, supplier })
            {
                var activation = await TimeAsync(() => ActivateAsync(party, id, 2));
                var sign = await TimeAsync(() => Send(party, HttpMethod.Post, $"/api/contracts/agreements/{id}/versions/2/signatures/remote",
                    new { activationToken = activation.Value }));
                if (!warm) continue;
                activationMs.Add(activation.Ms);
                signMs.Add(sign.Ms);
            }
            var report = await TimeAsync(() => Get(buyer, $"/api/contracts/agreements/{id}/signatures/verification"));
            if (warm) reportMs.Add(report.Ms);
            if (!report.Value.GetProperty("allValid").GetBoolean()) throw new InvalidOperationException($"agreement {id} did not verify");
            var pdf = await buyer.Client.GetByteArrayAsync($"/api/contracts/agreements/{id}/versions/2/document");
            var check = await CheckAsync(buyer, id, pdf);
            if (warm) checkMs.Add(check);
        }

        Console.Error.WriteLine($"Signing {samples * 4} agreements with 8 concurrent signers...");
        var throughput = await ThroughputAsync(platform, buyer, supplier, samples * 4, concurrency: 8);

        Console.WriteLine($"""

            ### Agreements: {samples} each after 3 warm-up, through the gateway (demo retailer and supplier)

            | step | p50 ms | p95 ms | max ms |
            | --- | ---: | ---: | ---: |
            {Row("PartnershipAccepted published to AgreementDrafted seen (draft and PDF, via the broker)", draftMs)}
            {Row("amendment: POST a new version (terms validated, PDF rendered and stored)", [.. amendMs])}
            {Row("signature activation at identity (password re-entered)", [.. activationMs])}
            {Row("remote signature: POST .../signatures/remote (token checked, key decrypted, CMS signed, stored)", [.. signMs])}
            {Row("verification report of both signatures: GET .../signatures/verification", [.. reportMs])}
            {Row("document + signature check: POST /verification", [.. checkMs])}

            Signatures per second, {throughput.Concurrency} concurrent signers over {throughput.Signatures} prepared signatures: **{throughput.PerSecond:F1}/s** (p50 {throughput.P50:F0} ms, p95 {throughput.P95:F0} ms).
            """);
    }

    private static string Row(string name, double[] values) =>
        $"| {name} | {P(values, 0.5):F0} | {P(values, 0.95):F0} | {(values.Length == 0 ? double.NaN : values.Max()):F0} |";

    private static double P(double[] values, double p) => LoadRunner.Percentile([.. values.Order()], p);

    private sealed record Party(HttpClient Client, Guid OrganisationId) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private static async Task<Party> SignInAsync(Uri gateway, string email)
    {
        var tokens = await OidcSignIn.SignInAsync(gateway, email, DemoNetwork.Password, redirectUri: new Uri(gateway, "/signin-callback").ToString());
        var client = new HttpClient { BaseAddress = gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var organisation = Guid.Parse(new JsonWebToken(tokens.AccessToken).GetClaim("org_id").Value);
        return new Party(client, organisation);
    }

    /// <summary>Stands in for matching: publishes acceptances between the two demo parties and times each to its AgreementDrafted.</summary>
    private static async Task<List<(Guid AgreementId, double Ms)>> DraftAsync(Platform platform, Party buyer, Party supplier, int count)
    {
        await using var publisher = await EventPublisher.StartAsync(platform.RabbitMqUri);
        await using var drafted = await EventListener<AgreementDrafted>.StartAsync(platform.RabbitMqUri);
        var results = new List<(Guid, double)>();
        for (var i = 0; i < count; i++)
        {
            var accepted = Acceptance(buyer.OrganisationId, supplier.OrganisationId, i);
            var started = Stopwatch.GetTimestamp();
            await publisher.PublishAsync(accepted);
            var seen = await drafted.WaitForAsync(d => d.PartnershipId == accepted.PartnershipId, TimeSpan.FromSeconds(30));
            results.Add((seen.Message.AgreementId, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        return results;
    }

    private static PartnershipAccepted Acceptance(Guid buyerId, Guid supplierId, int i)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var r = DemoNetwork.Retailer;
        var s = DemoNetwork.Suppliers[3];
        return new PartnershipAccepted
        {
            PartnershipId = Guid.NewGuid(),
            Buyer = new PartySnapshot { OrganisationId = buyerId, LegalName = r.LegalName, TaxCode = r.TaxCode, Province = "Hà Nội", District = r.District,
                Address = $"{r.Street}, {r.District}, Hà Nội", Representative = r.ContactName },
            Supplier = new PartySnapshot { OrganisationId = supplierId, LegalName = s.LegalName, TaxCode = s.TaxCode, Province = "Hà Nội", District = "Gia Lâm",
                Address = $"{s.Street}, {s.Village}, Gia Lâm, Hà Nội", Representative = s.ContactName },
            Products = Enumerable.Range(0, 3).Select(p => new PartnershipProduct
            {
                ProductId = Guid.NewGuid(), NameVi = $"Túi phân hủy sinh học cỡ {p + 1}", NameEn = $"Biodegradable bag size {p + 1}", Category = "eco-packaging",
                Unit = "chiếc", UnitPriceVnd = 980 + 50 * p, MonthlyVolume = 20_000 + i, MinimumOrderQuantity = 5_000, LeadTimeDays = 7, Packaging = "biodegradable",
                TraceabilityCode = $"BBX-{i:D5}-{p}",
                Certifications = [new CitedCertification(Guid.NewGuid(), "VN_GREEN_LABEL", "QĐ 2025/2024", "Bộ Tài nguyên và Môi trường", null, today.AddYears(2))],
            }).ToList(),
            Delivery = new DeliveryLocationSnapshot { Name = DemoNetwork.RetailerStore.Name, Address = DemoNetwork.RetailerStore.Address,
                Commune = DemoNetwork.RetailerStore.Commune, District = "Long Biên", Province = "Hà Nội", Latitude = 21.0437, Longitude = 105.8736 },
            SupplyFrom = today.AddDays(14),
            BuyerCommitments = DemoNetwork.RetailerCommitments,
            AcceptedByUserId = Guid.NewGuid(),
            AcceptedAt = DateTimeOffset.UtcNow,
        };
    }

    private static async Task<string> ActivateAsync(Party party, Guid agreementId, int version)
    {
        var agreement = await Get(party, $"/api/contracts/agreements/{agreementId}");
        var activation = await Send(party, HttpMethod.Post, "/api/identity/signature-activations", new
        {
            password = DemoNetwork.Password,
            documentSha256 = agreement.GetProperty("currentVersion").GetProperty("documentSha256").GetString(),
            reference = $"{agreementId}:v{version}",
        });
        return activation.GetProperty("activationToken").GetString()!;
    }

    /// <summary>Times POST /verification with a signature taken from the agreement's evidence bundle (the download is not timed).</summary>
    private static async Task<double> CheckAsync(Party party, Guid agreementId, byte[] pdf)
    {
        await using var zip = await party.Client.GetStreamAsync($"/api/contracts/agreements/{agreementId}/evidence");
        using var archive = new System.IO.Compression.ZipArchive(zip);
        var entry = archive.Entries.First(e => e.FullName.StartsWith("signatures/") && e.FullName.EndsWith(".p7s"));
        await using var stream = entry.Open();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var body = new { document = Convert.ToBase64String(pdf), signature = Convert.ToBase64String(buffer.ToArray()) };
        var (result, ms) = await TimeAsync(() => Send(party, HttpMethod.Post, "/api/contracts/verification", body));
        if (!result.GetProperty("valid").GetBoolean()) throw new InvalidOperationException($"agreement {agreementId}: the platform did not verify its own signature");
        return ms;
    }

    private sealed record Throughput(int Concurrency, int Signatures, double PerSecond, double P50, double P95);

    /// <summary>Agreements drafted, sent and their activations fetched beforehand, so only the signing calls are timed.</summary>
    private static async Task<Throughput> ThroughputAsync(Platform platform, Party buyer, Party supplier, int count, int concurrency)
    {
        var drafted = await DraftAsync(platform, buyer, supplier, count);
        var work = new List<(Party Party, Guid AgreementId, string Token)>();
        foreach (var (id, _) in drafted)
        {
            await Send(buyer, HttpMethod.Post, $"/api/contracts/agreements/{id}/send-for-signature", new { version = 1 });
            work.Add((buyer, id, await ActivateAsync(buyer, id, 1)));
        }
        var latencies = new double[work.Count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < work.Count; i = Interlocked.Increment(ref next))
            {
                var (party, id, token) = work[i];
                var started = Stopwatch.GetTimestamp();
                await Send(party, HttpMethod.Post, $"/api/contracts/agreements/{id}/versions/1/signatures/remote", new { activationToken = token });
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return new Throughput(concurrency, work.Count, work.Count / seconds, P(latencies, 0.5), P(latencies, 0.95));
    }

    private static object Amendment(JsonElement terms, int dueDays) => new
    {
        basedOnVersion = 1,
        terms = new
        {
            products = terms.GetProperty("products").EnumerateArray().Select(p => new
            {
                productId = p.GetProperty("productId").GetGuid(), unitPriceVnd = p.GetProperty("unitPriceVnd").GetInt64(),
                monthlyVolume = p.GetProperty("monthlyVolume").GetInt64(),
            }).ToArray(),
            delivery = terms.GetProperty("delivery"),
            payment = new { dueDays, method = "bank-transfer", pricesIncludeVat = true },
            sustainability = new { ecoFriendlyPackaging = true, keepCertificatesValid = true, certificateLapseNoticeDays = 7, packagingTakeBack = true,
                traceabilityCodesOnDeliveries = true },
            effectiveFrom = terms.GetProperty("effectiveFrom").GetString(),
            effectiveUntil = terms.GetProperty("effectiveUntil").GetString(),
            terminationNoticeDays = 30,
        },
    };

    private static async Task<(T Value, double Ms)> TimeAsync<T>(Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        var value = await action();
        return (value, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static Task<JsonElement> Get(Party party, string path) => Send(party, HttpMethod.Get, path, null);

    private static async Task<JsonElement> Send(Party party, HttpMethod method, string path, object? body)
    {
        using var response = await party.Client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
