using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Matching;
using Matchmaking.Matching.Apis;
using Matchmaking.Matching.Model;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>Exactly one outcome when answers race: one 200, the rest 409, one event on the broker.</summary>
public sealed class PartnershipRaceTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private const int Rounds = 3;

    [Fact]
    public async Task Two_concurrent_accepts_give_one_200_one_409_and_one_PartnershipAccepted()
    {
        await using var accepted = await EventListener<PartnershipAccepted>.StartAsync(factory.RabbitMqConnectionString);
        for (var round = 0; round < Rounds; round++)
        {
            var s = await PartnershipScenario.CreateAsync(factory);
            var created = await s.RequestedAsync();
            var secondSupplierClient = PartnershipScenario.Client(factory, s.Product.SupplierId, Contracts.Identity.OrganisationKinds.Supplier);

            var responses = await Task.WhenAll(
                s.Supplier.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null),
                secondSupplierClient.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(HttpStatusCode.Conflict);
            await accepted.WaitForAsync(e => e.PartnershipId == created.Id);
            Assert.Equal(PartnershipStatus.Accepted, (await s.ReadAsync(created.Id)).Status);
            Assert.Single(await accepted.ReceivedAsync(TimeSpan.FromMilliseconds(300)), e => e.PartnershipId == created.Id);
        }
    }

    [Fact]
    public async Task An_accept_racing_a_withdrawal_has_exactly_one_outcome()
    {
        await using var accepted = await EventListener<PartnershipAccepted>.StartAsync(factory.RabbitMqConnectionString);
        await using var withdrawn = await EventListener<PartnershipWithdrawn>.StartAsync(factory.RabbitMqConnectionString);
        for (var round = 0; round < Rounds; round++)
        {
            var s = await PartnershipScenario.CreateAsync(factory);
            var created = await s.RequestedAsync();

            var responses = await Task.WhenAll(
                s.Supplier.PostAsync($"/api/matching/partnerships/{created.Id}/accept", null),
                s.Retailer.PostAsJsonAsync($"/api/matching/partnerships/{created.Id}/withdraw", new { reason = "Đổi ý" }, MatchingFactory.Json));
            var (accept, withdraw) = (responses[0].StatusCode, responses[1].StatusCode);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], new[] { accept, withdraw }.Order());
            var winner = accept == HttpStatusCode.OK ? PartnershipStatus.Accepted : PartnershipStatus.Withdrawn;
            Assert.Equal(winner, (await s.ReadAsync(created.Id)).Status);
            var events = (await accepted.ReceivedAsync(TimeSpan.FromMilliseconds(500))).Count(e => e.PartnershipId == created.Id)
                + (await withdrawn.ReceivedAsync(TimeSpan.Zero)).Count(e => e.PartnershipId == created.Id);
            Assert.Equal(1, events);
        }
    }
}
