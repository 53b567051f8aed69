using Matchmaking.Contracts.Needs;
using Matchmaking.Needs.Services;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.Needs.Tests;

/// <summary>A consumer whose read model started late (a new matching database) gets every open need again.</summary>
public sealed class ReplayTests(NeedsFactory factory) : IClassFixture<NeedsFactory>
{
    [Fact]
    public async Task Replaying_announces_each_open_need_again_at_its_current_version_and_leaves_drafts_and_closed_ones_out()
    {
        var (_, client, store) = await factory.NewRetailerWithStoreAsync();
        var open = await client.OpenAsync((await client.CreateNeedAsync(TestData.Bags(store.Id))).Id);
        var draft = await client.CreateNeedAsync(TestData.Bags(store.Id));
        var closed = await client.CloseAsync((await client.OpenAsync((await client.CreateNeedAsync(TestData.Bags(store.Id))).Id)).Id);
        await using var updates = await EventListener<NeedUpdated>.StartAsync(factory.RabbitMqConnectionString);

        var count = await NeedReplay.ReplayAsync(factory.Services, CancellationToken.None);

        Assert.True(count >= 1);
        var replayed = (await updates.WaitForAsync(e => e.Need.NeedId == open.Id)).Message;
        Assert.Equal((open.Version, "open"), (replayed.Version, replayed.Need.Status));
        Assert.DoesNotContain(await updates.ReceivedAsync(TimeSpan.FromSeconds(1)), e => e.Need.NeedId == draft.Id || e.Need.NeedId == closed.Id);
    }
}
