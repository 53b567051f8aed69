using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.EndToEnd.Tests;

/// <summary>
/// Flow 4 of the design through the gateway with every service running: from a need and an accepted partnership to an
/// agreement both sides sign with the platform's certificates, downloaded and checked with OpenSSL alone.
/// </summary>
public sealed class ContractJourneyTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task An_accepted_partnership_becomes_an_agreement_both_sides_sign_and_anyone_can_verify_with_openssl()
    {
        var gateway = new Uri(Platform.GatewayUrl);
        var (supplier, retailer, partnershipId) = await AcceptedPartnershipAsync(gateway);
        using var _ = supplier;
        using var __ = retailer;

        // Drafted from PartnershipAccepted by the contract service; both parties see the same draft.
        var list = await Eventually.ReadAsync(() => retailer.GetAsync($"/api/contracts/agreements?partnershipId={partnershipId}"),
            l => l.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(20));
        var agreementId = Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        var draft = await supplier.GetAsync($"/api/contracts/agreements/{agreementId}");
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        var terms = draft.GetProperty("currentVersion").GetProperty("terms");
        Assert.Equal("Công ty Cổ phần Siêu thị Xanh Long Biên", terms.GetProperty("buyer").GetProperty("legalName").GetString());
        Assert.Equal(1_150, Assert.Single(terms.GetProperty("products").EnumerateArray()).GetProperty("unitPriceVnd").GetInt64());

        // The supplier asks for payment within 15 days: version 2; the retailer sends that version for signature.
        var amended = await supplier.SendAsync(HttpMethod.Post, $"/api/contracts/agreements/{agreementId}/versions", new
        {
            basedOnVersion = 1,
            terms = AmendedTerms(terms, dueDays: 15),
        });
        Assert.Equal(2, amended.GetProperty("version").GetInt32());
        await retailer.SendAsync(HttpMethod.Post, $"/api/contracts/agreements/{agreementId}/send-for-signature", new { version = 2 });

        foreach (var party in new[] { retailer, supplier })
        {
            await party.SendAsync(HttpMethod.Post, "/api/contracts/certificates");
            await SignRemotelyAsync(party, agreementId, version: 2);
        }

        var active = await retailer.GetAsync($"/api/contracts/agreements/{agreementId}");
        Assert.Equal("active", active.GetProperty("status").GetString());
        Assert.Equal(2, active.GetProperty("signatures").GetArrayLength());
        var report = await supplier.GetAsync($"/api/contracts/agreements/{agreementId}/signatures/verification");
        Assert.True(report.GetProperty("allValid").GetBoolean());

        // The partnership shows as contracted, and both feeds tell of it.
        var partnership = await Eventually.ReadAsync(() => retailer.GetAsync($"/api/matching/partnerships/{partnershipId}"),
            p => p.GetProperty("status").GetString() == "contracted");
        Assert.Equal("contracted", partnership.GetProperty("status").GetString());
        await Steps.FeedShowsAsync(retailer, "agreement-activated", "agreementId", agreementId);
        await Steps.FeedShowsAsync(supplier, "agreement-activated", "agreementId", agreementId);

        // The downloaded document is the one signed; the evidence bundle verifies with OpenSSL and nothing else.
        var pdf = await retailer.Client.GetByteArrayAsync($"/api/contracts/agreements/{agreementId}/versions/2/document");
        Assert.Equal(active.GetProperty("currentVersion").GetProperty("documentSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var folder = Directory.CreateTempSubdirectory("evidence-").FullName;
        await using (var zip = await supplier.Client.GetStreamAsync($"/api/contracts/agreements/{agreementId}/evidence"))
            await ZipFile.ExtractToDirectoryAsync(zip, folder);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(folder, "agreement.pdf")));
        var signatures = Directory.GetFiles(Path.Combine(folder, "signatures"), "*.p7s");
        Assert.Equal(2, signatures.Length);
        foreach (var signature in signatures)
        {
            var verified = await OpenSsl.VerifyDetachedAsync(signature, "agreement.pdf", "ca.pem", folder);
            Assert.True(verified.ExitCode == 0, verified.Output);
        }

        // One flipped byte: OpenSSL and the platform both refuse it.
        var tampered = (byte[])pdf.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(Path.Combine(folder, "agreement.pdf"), tampered);
        Assert.NotEqual(0, (await OpenSsl.VerifyDetachedAsync(signatures[0], "agreement.pdf", "ca.pem", folder)).ExitCode);
        using var anonymous = new HttpClient { BaseAddress = gateway };
        var signatureBytes = await File.ReadAllBytesAsync(signatures[0]);
        var refused = await CheckAsync(anonymous, tampered, signatureBytes);
        Assert.False(refused.GetProperty("matches").GetBoolean());
        var genuine = await CheckAsync(anonymous, pdf, signatureBytes);
        Assert.True(genuine.GetProperty("valid").GetBoolean());
        Assert.Equal(agreementId, genuine.GetProperty("agreement").GetProperty("id").GetGuid());

        var audit = await retailer.GetAsync($"/api/contracts/agreements/{agreementId}/audit/verification");
        Assert.True(audit.GetProperty("intact").GetBoolean());

        using var stranger = await GatewayUser.RegisterAsync(gateway, "retailer", "Công ty TNHH Bán lẻ Người Ngoài", "Cầu Giấy", "ngoai.test");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/contracts/agreements/{agreementId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/contracts/agreements/{agreementId}/evidence")).StatusCode);
    }

    /// <summary>The signer re-enters their password for this exact document at the identity service, then signs with the activation.</summary>
    private static async Task SignRemotelyAsync(GatewayUser signer, Guid agreementId, int version)
    {
        var agreement = await signer.GetAsync($"/api/contracts/agreements/{agreementId}");
        var activation = await signer.SendAsync(HttpMethod.Post, "/api/identity/signature-activations", new
        {
            password = GatewayUser.Password,
            documentSha256 = agreement.GetProperty("currentVersion").GetProperty("documentSha256").GetString(),
            reference = $"{agreementId}:v{version}",
        });
        await signer.SendAsync(HttpMethod.Post, $"/api/contracts/agreements/{agreementId}/versions/{version}/signatures/remote",
            new { activationToken = activation.GetProperty("activationToken").GetString() });
    }

    private static async Task<JsonElement> CheckAsync(HttpClient client, byte[] document, byte[] signature)
    {
        var response = await client.PostAsJsonAsync("/api/contracts/verification",
            new { document = Convert.ToBase64String(document), signature = Convert.ToBase64String(signature) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The current terms as an amendment, with only the payment period changed.</summary>
    private static object AmendedTerms(JsonElement terms, int dueDays) => new
    {
        products = terms.GetProperty("products").EnumerateArray().Select(p => new
        {
            productId = p.GetProperty("productId").GetGuid(), unitPriceVnd = p.GetProperty("unitPriceVnd").GetInt64(),
            monthlyVolume = p.GetProperty("monthlyVolume").GetInt64(),
        }).ToArray(),
        delivery = terms.GetProperty("delivery"),
        payment = new
        {
            dueDays, method = terms.GetProperty("payment").GetProperty("method").GetString(),
            pricesIncludeVat = terms.GetProperty("payment").GetProperty("pricesIncludeVat").GetBoolean(),
        },
        sustainability = new
        {
            ecoFriendlyPackaging = true, keepCertificatesValid = true, certificateLapseNoticeDays = 7, packagingTakeBack = true,
            traceabilityCodesOnDeliveries = true,
        },
        effectiveFrom = terms.GetProperty("effectiveFrom").GetString(),
        effectiveUntil = terms.GetProperty("effectiveUntil").GetString(),
        terminationNoticeDays = terms.GetProperty("terminationNoticeDays").GetInt32(),
    };

    /// <summary>A supplier's certified bags, a retailer's need they match, and the retailer's request the supplier accepted.</summary>
    private static async Task<(GatewayUser Supplier, GatewayUser Retailer, Guid PartnershipId)> AcceptedPartnershipAsync(Uri gateway)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var supplier = await GatewayUser.RegisterAsync(gateway, "supplier", "Hợp tác xã Bao bì Xanh Phù Đổng", "Gia Lâm", "phu-dong.test");
        var site = await supplier.SendAsync(HttpMethod.Post, "/api/catalogue/sites", new
        {
            name = "Xưởng Phù Đổng", commune = "Phù Đổng", district = "Gia Lâm", province = "Hà Nội", latitude = 21.0620, longitude = 105.9600,
        });
        var label = await supplier.SendAsync(HttpMethod.Post, "/api/catalogue/certificates", new
        {
            schemeCode = "VN_GREEN_LABEL", number = "QĐ 2031/2024", issuer = "Bộ Tài nguyên và Môi trường",
            validFrom = today.AddMonths(-2), validUntil = today.AddMonths(30), evidenceSha256 = new string('c', 64), scope = new { kind = "organisation" },
        });
        var bags = await Steps.PublishAsync(supplier, "Túi phân hủy sinh học Phù Đổng", 1_150, site, label);

        var retailer = await GatewayUser.RegisterAsync(gateway, "retailer", "Công ty Cổ phần Siêu thị Xanh Long Biên", "Long Biên", "xanh-lb.test");
        var store = await retailer.SendAsync(HttpMethod.Post, "/api/needs/retailers/me/locations", new
        {
            name = "Cửa hàng Long Biên", kind = "store", district = "Long Biên", province = "Hà Nội", latitude = 21.0437, longitude = 105.8736,
        });
        var need = await retailer.SendAsync(HttpMethod.Post, "/api/needs", new
        {
            title = "Túi phân hủy sinh học cho quầy thu ngân", category = "eco-packaging", keywords = new[] { "túi" },
            requiredSchemes = new[] { "VN_GREEN_LABEL" }, quantityPerMonth = 20_000, unit = "chiếc", maxUnitPriceVnd = 1_200,
            deliveryLocationId = store.GetProperty("id").GetGuid(), maxDistanceKm = 50, neededFrom = today.AddMonths(1), validUntil = today.AddMonths(7),
        });
        var needId = need.GetProperty("id").GetGuid();
        await retailer.SendAsync(HttpMethod.Post, $"/api/needs/{needId}/open");

        // 404 until matching has heard of the need.
        var matches = await Eventually.ReadAsync(() => Steps.GetOrDefaultAsync(retailer, $"/api/matching/needs/{needId}/matches"),
            m => m.ValueKind == JsonValueKind.Object
                && m.GetProperty("items").EnumerateArray().Any(x => x.GetProperty("product").GetProperty("id").GetGuid() == bags), TimeSpan.FromSeconds(20));
        var match = matches.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("product").GetProperty("id").GetGuid() == bags);
        var request = await retailer.SendAsync(HttpMethod.Post, "/api/matching/partnerships", new
        {
            matchId = match.GetProperty("id").GetGuid(), supplierId = supplier.OrganisationId,
            products = new[] { new { productId = bags, monthlyVolume = 20_000 } },
        });
        var partnershipId = request.GetProperty("id").GetGuid();
        await supplier.SendAsync(HttpMethod.Post, $"/api/matching/partnerships/{partnershipId}/accept");
        return (supplier, retailer, partnershipId);
    }
}
