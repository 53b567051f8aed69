using System.Net;
using Matchmaking.Contracts.Matching;
using Matchmaking.Matching.Jobs;
using Matchmaking.Matching.Model;
using Matchmaking.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>The expiry job, run by hand on a fake clock against the real database and broker.</summary>
public sealed class PartnershipExpiryTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private PartnershipExpiryJob Job() => ActivatorUtilities.CreateInstance<PartnershipExpiryJob>(factory.Services, _clock);

    [Fact]
    public async Task An_unanswered_request_expires_after_fourteen_days_and_can_no_longer_be_accepted()
    {
        await using var expired = await EventListener<PartnershipExpired>.StartAsync(factory.RabbitMqConnectionString);
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();

        _clock.Advance(TimeSpan.FromDays(13));
        await Job().RunOnceAsync(default);
        Assert.Equal(PartnershipStatus.Requested, (await s.ReadAsync(created.Id)).Status);

        _clock.Advance(TimeSpan.FromDays(1.1));
        await Job().RunOnceAsync(default);

        Assert.Equal(PartnershipStatus.Expired, (await s.ReadAsync(created.Id)).Status);
        var evt = (await expired.WaitForAsync(e => e.PartnershipId == created.Id)).Message;
        Assert.Equal((s.Need.RetailerId, s.Product.SupplierId), (evt.BuyerId, evt.SupplierId));
        var feeds = await factory.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.PartnershipId == created.Id && n.Kind == NotificationKinds.PartnershipExpired).Select(n => n.OrganisationId).ToListAsync());
        Assert.Equal(new[] { s.Need.RetailerId, s.Product.SupplierId }.Order(), feeds.Order());
        await (await s.Supplier.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        // A second run finds nothing left to expire.
        await Job().RunOnceAsync(default);
        Assert.Single(await expired.ReceivedAsync(TimeSpan.FromMilliseconds(500)), e => e.PartnershipId == created.Id);
    }

    [Fact]
    public async Task An_answered_request_does_not_expire()
    {
        var s = await PartnershipScenario.CreateAsync(factory);
        var created = await s.RequestedAsync();
        await (await s.Supplier.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null)).EnsureSuccessStatusCodeAsync();

        _clock.Advance(TimeSpan.FromDays(30));
        await Job().RunOnceAsync(default);

        Assert.Equal(PartnershipStatus.Accepted, (await s.ReadAsync(created.Id)).Status);
    }
}

internal static class ResponseExtensions
{
    public static async Task EnsureSuccessStatusCodeAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
    }
}
