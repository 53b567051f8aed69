using Matchmaking.Contracts.Needs;
using Matchmaking.Needs.Jobs;
using Matchmaking.Needs.Model;
using Matchmaking.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Matchmaking.Needs.Tests;

/// <summary>The expiry job, run by hand on a fake clock against the real database and broker.</summary>
public sealed class ExpiryJobTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private NeedExpiryJob Job() => new(factory.Services.GetRequiredService<IServiceScopeFactory>(), _clock,
        Options.Create(new NeedExpiryOptions()), NullLogger<NeedExpiryJob>.Instance);

    [Fact]
    public async Task An_open_need_expires_the_day_after_its_last_valid_day_with_NeedClosed_expired()
    {
        await using var closed = await EventListener<NeedClosed>.StartAsync(factory.RabbitMqConnectionString);
        var (retailerId, client, store) = await factory.NewRetailerWithStoreAsync();
        var shortLived = await client.OpenBagsAsync(store.Id, r => r with { NeededFrom = TestData.Today, ValidUntil = TestData.Today.AddDays(3) });
        var longLived = await client.OpenBagsAsync(store.Id);
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id) with { NeededFrom = TestData.Today, ValidUntil = TestData.Today.AddDays(3) });

        _clock.Advance(TimeSpan.FromDays(3)); // the last valid day: still open
        await Job().RunOnceAsync(default);
        Assert.Equal(NeedStatus.Open, (await client.GetNeedAsync(shortLived.Id)).Status);

        _clock.Advance(TimeSpan.FromDays(1));
        await Job().RunOnceAsync(default);

        var expired = await client.GetNeedAsync(shortLived.Id);
        Assert.Equal(NeedStatus.Expired, expired.Status);
        Assert.NotNull(expired.ClosedAt);
        var evt = (await closed.WaitForAsync(e => e.NeedId == shortLived.Id)).Message;
        Assert.Equal((retailerId, "expired", expired.Version), (evt.RetailerId, evt.Reason, evt.Version));
        Assert.True(evt.Version > shortLived.Version);
        Assert.Equal(NeedStatus.Open, (await client.GetNeedAsync(longLived.Id)).Status);
        Assert.Equal(NeedStatus.Draft, (await client.GetNeedAsync(draft.Id)).Status);
        Assert.DoesNotContain((await client.OpenNeedsAsync("?pageSize=100")).Items, n => n.Id == shortLived.Id);

        // A second run finds nothing left to do for it.
        Assert.Equal(0, await Job().RunOnceAsync(default));
        Assert.Single(await closed.ReceivedAsync(TimeSpan.FromSeconds(1)), e => e.NeedId == shortLived.Id);
    }

    [Fact]
    public async Task An_expired_need_can_no_longer_be_closed_edited_or_reopened()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var need = await client.OpenBagsAsync(store.Id, r => r with { NeededFrom = TestData.Today, ValidUntil = TestData.Today.AddDays(1) });
        _clock.Advance(TimeSpan.FromDays(2));
        await Job().RunOnceAsync(default);

        await (await client.PostAsync($"/api/needs/{need.Id}/close", null)).AssertProblemAsync(System.Net.HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/needs/{need.Id}/open", null)).AssertProblemAsync(System.Net.HttpStatusCode.Conflict);
        Assert.Equal(NeedStatus.Expired, (await client.GetNeedAsync(need.Id)).Status);
    }
}
