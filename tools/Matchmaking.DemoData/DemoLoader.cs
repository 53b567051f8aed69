using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Matchmaking.TestSupport;

namespace Matchmaking.DemoData;

/// <summary>
/// Creates the demo network through the gateway's public API, as its users would: registrations, sign-ins with the
/// authorization-code flow, sites, certificates and products, and the programme office's verifications.
/// A second run finds what is there and adds only what is missing.
/// </summary>
public sealed class DemoLoader(Uri gateway, string officeEmail = DemoNetwork.ProgrammeOfficeEmail, string officePassword = DemoNetwork.Password)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _anonymous = new() { BaseAddress = gateway };

    public async Task LoadAsync()
    {
        var office = await SignInAsync(officeEmail, officePassword);
        foreach (var supplier in DemoNetwork.Suppliers) await LoadSupplierAsync(supplier, office);
        await LoadRetailerAsync(office);
        var published = await _anonymous.GetFromJsonAsync<JsonElement>("/api/catalogue/products?pageSize=100", Json);
        Console.WriteLine($"Demo data ready: {DemoNetwork.Suppliers.Length} suppliers, 1 retailer, {published.GetProperty("total").GetInt64()} published products.");
    }

    private async Task LoadSupplierAsync(DemoSupplier supplier, HttpClient office)
    {
        var village = CraftVillages.ByName[supplier.Village];
        var organisationId = await RegisterAsync("supplier", supplier.LegalName, supplier.TaxCode, supplier.Street, village.Commune,
            village.District, village.Province, supplier.ContactName, supplier.Email, supplier.Phone);
        if (organisationId is { } id) await Send(office, HttpMethod.Post, $"/api/identity/organisations/{id}/verification", new { });

        var client = await SignInAsync(supplier.Email, DemoNetwork.Password);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/catalogue/products/mine", Json);
        if (mine.GetArrayLength() > 0)
        {
            Console.WriteLine($"  {supplier.DisplayName}: already loaded");
            return;
        }

        await Send(client, HttpMethod.Put, "/api/catalogue/suppliers/me", new
        {
            displayName = supplier.DisplayName, description = supplier.Description, contactPerson = supplier.ContactName,
        });
        var site = await Send(client, HttpMethod.Post, "/api/catalogue/sites", new
        {
            name = $"Xưởng sản xuất {village.Name}", craftVillage = supplier.InCraftVillage ? village.Name : null, commune = village.Commune,
            district = village.District, province = village.Province, latitude = village.Lat, longitude = village.Lon,
        });
        var siteId = site.GetProperty("id").GetGuid();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var certificateIds = new List<Guid>();
        foreach (var c in supplier.Certificates)
        {
            var certificate = await Send(client, HttpMethod.Post, "/api/catalogue/certificates", new
            {
                schemeCode = c.SchemeCode, number = c.Number, issuer = c.Issuer, level = c.Level,
                issuedOn = today.AddMonths(-6), validFrom = today.AddMonths(-6), validUntil = today.AddMonths(-6).AddMonths(c.MonthsValid).AddDays(-1),
                evidenceSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.Number))),
                scope = new { kind = "organisation" },
            });
            var certificateId = certificate.GetProperty("id").GetGuid();
            certificateIds.Add(certificateId);
            if (c.Verified)
                await Send(office, HttpMethod.Post, $"/api/catalogue/certificates/{certificateId}/verification", new { state = "document-checked" });
        }

        foreach (var p in supplier.Products)
        {
            var product = await Send(client, HttpMethod.Post, "/api/catalogue/products", new
            {
                nameVi = p.NameVi, nameEn = p.NameEn, descriptionVi = p.DescriptionVi, category = p.Category, unit = p.Unit,
                priceTiers = p.PriceTiers.Select(t => new { minQuantity = t[0], unitPriceVnd = t[1] }),
                minimumOrderQuantity = p.MinimumOrderQuantity, monthlyCapacity = p.MonthlyCapacity, leadTimeDays = p.LeadTimeDays,
                packaging = p.Packaging, traceabilityCode = p.TraceabilityCode, siteId, certificateIds,
            });
            await Send(client, HttpMethod.Post, $"/api/catalogue/products/{product.GetProperty("id").GetGuid()}/publish", null);
        }
        Console.WriteLine($"  {supplier.DisplayName}: {supplier.Products.Length} products published in {village.Name}");
    }

    private async Task LoadRetailerAsync(HttpClient office)
    {
        var r = DemoNetwork.Retailer;
        var id = await RegisterAsync("retailer", r.LegalName, r.TaxCode, r.Street, "Bồ Đề", r.District, "Hà Nội", r.ContactName, r.Email, r.Phone);
        if (id is { } organisationId) await Send(office, HttpMethod.Post, $"/api/identity/organisations/{organisationId}/verification", new { });

        var client = await SignInAsync(r.Email, DemoNetwork.Password);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/needs/mine", Json);
        if (mine.GetProperty("total").GetInt64() > 0)
        {
            Console.WriteLine($"  {r.LegalName}: already loaded");
            return;
        }
        await Send(client, HttpMethod.Put, "/api/needs/retailers/me", new
        {
            displayName = "Siêu thị Xanh", description = "Chuỗi 12 siêu thị ở Hà Nội cam kết không dùng túi ni lông khó phân huỷ từ 2026.",
            commitments = DemoNetwork.RetailerCommitments,
        });
        var s = DemoNetwork.RetailerStore;
        var store = await Send(client, HttpMethod.Post, "/api/needs/retailers/me/locations", new
        {
            name = s.Name, kind = "store", address = s.Address, commune = s.Commune, district = s.District, province = "Hà Nội",
            latitude = s.Latitude, longitude = s.Longitude,
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var opened = new List<Guid>();
        foreach (var n in DemoNetwork.Needs)
        {
            var need = await Send(client, HttpMethod.Post, "/api/needs", new
            {
                title = n.Title, description = n.Description, category = n.Category, keywords = n.Keywords,
                requiredSchemes = n.RequiredSchemes, preferredSchemes = n.PreferredSchemes, minimumOcopStars = n.MinimumOcopStars,
                quantityPerMonth = n.QuantityPerMonth, unit = n.Unit, maxUnitPriceVnd = n.MaxUnitPriceVnd,
                deliveryLocationId = store.GetProperty("id").GetGuid(), maxDistanceKm = n.MaxDistanceKm, packaging = n.Packaging,
                maxLeadTimeDays = n.MaxLeadTimeDays, neededFrom = nextMonth, validUntil = nextMonth.AddMonths(6),
            });
            var needId = need.GetProperty("id").GetGuid();
            await Send(client, HttpMethod.Post, $"/api/needs/{needId}/open", null);
            opened.Add(needId);
        }
        Console.WriteLine($"  {r.LegalName}: {DemoNetwork.Needs.Length} sourcing needs open, delivered to {s.Name}");

        // The bags need becomes a partnership the supplier has accepted; the baskets request waits for Phú Vinh's answer.
        var bags = await RequestPartnershipAsync(client, opened[0], "Chúng tôi muốn thay toàn bộ túi ni lông từ tháng sau.");
        await RequestPartnershipAsync(client, opened[1], "Mong hợp tác cung ứng giỏ cho 12 cửa hàng.");
        if (bags is { } partnershipId)
        {
            var supplier = await SignInAsync(DemoNetwork.Suppliers[3].Email, DemoNetwork.Password);
            await Send(supplier, HttpMethod.Post, $"/api/matching/partnerships/{partnershipId}/accept", null);
            Console.WriteLine($"  {DemoNetwork.Suppliers[3].DisplayName}: accepted the bags partnership");
            await SignAsSupplierAsync(supplier, client, partnershipId);
        }
    }

    /// <summary>
    /// The agreement drafted from the accepted partnership goes out for signature and the supplier signs it with a
    /// platform certificate, so the retailer finds it waiting for its own signature.
    /// </summary>
    private static async Task SignAsSupplierAsync(HttpClient supplier, HttpClient retailer, Guid partnershipId)
    {
        JsonElement agreement = default;
        for (var attempt = 0; attempt < 60 && agreement.ValueKind == JsonValueKind.Undefined; attempt++)
        {
            var list = await Send(retailer, HttpMethod.Get, $"/api/contracts/agreements?partnershipId={partnershipId}", null);
            if (list.GetProperty("items").GetArrayLength() > 0) agreement = list.GetProperty("items")[0];
            else await Task.Delay(500);
        }
        if (agreement.ValueKind == JsonValueKind.Undefined)
        {
            Console.WriteLine("  no agreement drafted within 30 s for the bags partnership");
            return;
        }
        var id = agreement.GetProperty("id").GetGuid();
        if (agreement.GetProperty("status").GetString() != "draft") return; // a second run: already sent and signed
        await Send(retailer, HttpMethod.Post, $"/api/contracts/agreements/{id}/send-for-signature", new { version = 1 });
        using (var issued = await supplier.PostAsync("/api/contracts/certificates", null))
            if (issued.StatusCode != HttpStatusCode.Conflict) await EnsureSuccessAsync(issued, "issue the supplier's signing certificate");
        var detail = await Send(supplier, HttpMethod.Get, $"/api/contracts/agreements/{id}", null);
        var activation = await Send(supplier, HttpMethod.Post, "/api/identity/signature-activations", new
        {
            password = DemoNetwork.Password,
            documentSha256 = detail.GetProperty("currentVersion").GetProperty("documentSha256").GetString(),
            reference = $"{id}:v1",
        });
        await Send(supplier, HttpMethod.Post, $"/api/contracts/agreements/{id}/versions/1/signatures/remote",
            new { activationToken = activation.GetProperty("activationToken").GetString() });
        Console.WriteLine($"  agreement {detail.GetProperty("number").GetString()}: signed by the supplier, waiting for the retailer's signature");
    }

    /// <summary>Requests a partnership on the need's best match, once matching has ranked it (events take a moment).</summary>
    private static async Task<Guid?> RequestPartnershipAsync(HttpClient client, Guid needId, string message)
    {
        JsonElement best = default;
        for (var attempt = 0; attempt < 60 && best.ValueKind == JsonValueKind.Undefined; attempt++)
        {
            // 404 until matching has the need from NeedPosted.
            using var response = await client.GetAsync($"/api/matching/needs/{needId}/matches?pageSize=1");
            var matches = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(Json) : default;
            if (matches.ValueKind == JsonValueKind.Object && matches.GetProperty("items").GetArrayLength() > 0) best = matches.GetProperty("items")[0];
            else await Task.Delay(500);
        }
        if (best.ValueKind == JsonValueKind.Undefined)
        {
            Console.WriteLine($"  no match for need {needId} within 30 s; no partnership requested");
            return null;
        }
        var product = best.GetProperty("product");
        var request = await Send(client, HttpMethod.Post, "/api/matching/partnerships", new
        {
            matchId = best.GetProperty("id").GetGuid(), supplierId = product.GetProperty("supplierId").GetGuid(),
            products = new[] { new { productId = product.GetProperty("id").GetGuid(), monthlyVolume = best.GetProperty("need").GetProperty("quantityPerMonth").GetInt64() } },
            message,
        });
        Console.WriteLine($"  partnership requested: {product.GetProperty("nameVi").GetString()} from {product.GetProperty("supplierName").GetString()}");
        return request.GetProperty("id").GetGuid();
    }

    /// <summary>Registers an organisation with its owner; null when it exists already (a second run).</summary>
    private async Task<Guid?> RegisterAsync(string kind, string legalName, string taxCode, string street, string commune, string district,
        string province, string contactName, string email, string phone)
    {
        var response = await _anonymous.PostAsJsonAsync("/api/identity/organisations", new
        {
            kind, legalName, taxCode,
            address = new { street, commune, district, province },
            contact = new { name = contactName, email, phone },
            owner = new { email, password = DemoNetwork.Password, fullName = contactName },
        }, Json);
        if (response.StatusCode == HttpStatusCode.Conflict) return null;
        await EnsureSuccessAsync(response, "register " + legalName);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("organisationId").GetGuid();
    }

    private async Task<HttpClient> SignInAsync(string email, string password)
    {
        var tokens = await OidcSignIn.SignInAsync(gateway, email, password, redirectUri: new Uri(gateway, "/signin-callback").ToString());
        var client = new HttpClient { BaseAddress = gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    private static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string path, object? body)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) });
        await EnsureSuccessAsync(response, $"{method} {path}");
        return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"{what} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
