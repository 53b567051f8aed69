using System.Text.Json;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.EndToEnd.Tests;

/// <summary>Steps more than one journey takes, through the gateway.</summary>
internal static class Steps
{
    /// <summary>A published biodegradable-bag product at one price tier, made at <paramref name="site"/> and citing <paramref name="certificate"/>.</summary>
    public static async Task<Guid> PublishAsync(GatewayUser supplier, string name, long price, JsonElement site, JsonElement certificate)
    {
        var product = await supplier.SendAsync(HttpMethod.Post, "/api/catalogue/products", new
        {
            nameVi = name, descriptionVi = "Túi từ tinh bột sắn, phân hủy hoàn toàn trong 6 tháng.", category = "eco-packaging", unit = "chiếc",
            priceTiers = new[] { new { minQuantity = 5_000, unitPriceVnd = price } }, minimumOrderQuantity = 5_000, monthlyCapacity = 500_000,
            leadTimeDays = 7, packaging = "biodegradable", siteId = site.GetProperty("id").GetGuid(),
            certificateIds = new[] { certificate.GetProperty("id").GetGuid() },
        });
        var id = product.GetProperty("id").GetGuid();
        await supplier.SendAsync(HttpMethod.Post, $"/api/catalogue/products/{id}/publish");
        return id;
    }

    /// <summary>The JSON body, or default while the resource is not there yet (404).</summary>
    public static async Task<JsonElement> GetOrDefaultAsync(GatewayUser user, string path)
    {
        var response = await user.Client.GetAsync(path);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return default;
        return await GatewayUser.SendAsync(user.Client, HttpMethod.Get, path, null);
    }

    /// <summary>Feeds are written by event consumers, so an entry shows a moment after the step that caused it.</summary>
    public static async Task FeedShowsAsync(GatewayUser user, string kind, string link, Guid id)
    {
        static bool Shows(JsonElement feed, string kind, string link, Guid id) => feed.GetProperty("items").EnumerateArray().Any(n =>
            n.GetProperty("kind").GetString() == kind && n.TryGetProperty(link, out var value) && value.ValueKind != JsonValueKind.Null
            && value.GetGuid() == id);
        var feed = await Eventually.ReadAsync(() => user.GetAsync("/api/matching/notifications"), f => Shows(f, kind, link, id));
        Assert.True(Shows(feed, kind, link, id), $"no {kind} entry for {id} in {user.OrganisationId}'s feed");
    }
}
