using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.EndToEnd.Tests;

/// <summary>An organisation registered through the gateway and its owner signed in with code + PKCE, as a real user would be.</summary>
public sealed class GatewayUser(HttpClient client, Guid organisationId) : IDisposable
{
    /// <summary>Every registered owner's password: a signer re-enters it to sign an agreement.</summary>
    public const string Password = "Green@Link2026";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Client { get; } = client;
    public Guid OrganisationId { get; } = organisationId;

    public static async Task<GatewayUser> RegisterAsync(Uri gateway, string kind, string legalName, string district, string emailDomain)
    {
        using var anonymous = new HttpClient { BaseAddress = gateway };
        var taxCode = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();
        var email = $"owner-{taxCode}@{emailDomain}";
        const string password = Password;
        var registration = await anonymous.PostAsJsonAsync("/api/identity/organisations", new
        {
            kind, legalName, taxCode,
            address = new { street = "Số 8", commune = "Trung tâm", district, province = "Hà Nội" },
            contact = new { name = "Nguyễn Thu Trang", email, phone = "0912000111" },
            owner = new { email, password, fullName = "Nguyễn Thu Trang" },
        }, Json);
        Assert.Equal(HttpStatusCode.Created, registration.StatusCode);
        var organisationId = (await registration.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("organisationId").GetGuid();

        var tokens = await OidcSignIn.SignInAsync(gateway, email, password, redirectUri: new Uri(gateway, "/signin-callback").ToString());
        var client = new HttpClient { BaseAddress = gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new GatewayUser(client, organisationId);
    }

    /// <summary>Sends and asserts success, returning the JSON body (default when empty).</summary>
    public Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null) => SendAsync(Client, method, path, body);

    public Task<JsonElement> GetAsync(string path) => SendAsync(Client, HttpMethod.Get, path, null);

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Client.Dispose();
}
