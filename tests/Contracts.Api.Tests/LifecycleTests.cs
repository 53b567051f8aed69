using System.Net;
using System.Net.Http.Json;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Contracts.Identity;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Jobs;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>The lifecycle job on a fake clock (deadline, reminders, end of term) and termination by a party.</summary>
public sealed class LifecycleTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(800);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private AgreementLifecycleJob Job() => ActivatorUtilities.CreateInstance<AgreementLifecycleJob>(factory.Services, _clock);

    [Fact]
    public async Task A_party_that_has_not_signed_is_reminded_once_and_the_passed_deadline_expires_the_agreement()
    {
        await using var due = await EventListener<AgreementSignatureDue>.StartAsync(factory.RabbitMqConnectionString);
        await using var expired = await EventListener<AgreementExpired>.StartAsync(factory.RabbitMqConnectionString);
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.IssueCertificateAsync(s.Supplier);
        await s.SendAsync();
        await s.SignedRemotelyAsync(s.Supplier);

        _clock.Advance(TimeSpan.FromDays(10));
        await Job().RunOnceAsync(default);
        Assert.DoesNotContain(await due.ReceivedAsync(Quiet), e => e.AgreementId == s.Id);

        _clock.Advance(TimeSpan.FromDays(1.5));
        await Job().RunOnceAsync(default);
        await Job().RunOnceAsync(default);
        var reminder = (await due.WaitForAsync(e => e.AgreementId == s.Id)).Message;
        Assert.Equal((s.Buyer.Id, 1, (await s.ReadAsync()).SigningDeadline), (reminder.OrganisationId, reminder.Version, (DateTimeOffset?)reminder.SigningDeadline));
        Assert.Single(await due.ReceivedAsync(Quiet), e => e.AgreementId == s.Id);
        Assert.Equal(AgreementStatus.PartiallySigned, (await s.ReadAsync()).Status);

        _clock.Advance(TimeSpan.FromDays(2.6));
        await Job().RunOnceAsync(default);

        var a = await s.ReadAsync();
        Assert.Equal((AgreementStatus.Expired, AgreementExpiryReasons.SigningDeadlinePassed), (a.Status, a.ExpiryReason));
        Assert.NotNull(a.ExpiredAt);
        Assert.Equal(AgreementExpiryReasons.SigningDeadlinePassed, (await expired.WaitForAsync(e => e.AgreementId == s.Id)).Message.Reason);
        Assert.Equal("expired", (await s.AuditAsync()).Entries[^1].Action);
        await s.IssueCertificateAsync(s.Buyer);
        await (await s.SignRemotelyAsync(s.Buyer)).AssertProblemAsync(HttpStatusCode.Conflict, "expired");

        await Job().RunOnceAsync(default);
        Assert.Single(await expired.ReceivedAsync(Quiet), e => e.AgreementId == s.Id);
    }

    [Fact]
    public async Task An_amendment_during_signing_reminds_each_party_again_for_the_new_version()
    {
        await using var due = await EventListener<AgreementSignatureDue>.StartAsync(factory.RabbitMqConnectionString);
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.SendAsync();
        _clock.Advance(TimeSpan.FromDays(12));
        await Job().RunOnceAsync(default);
        await due.WaitForAsync(e => e.AgreementId == s.Id && e.Version == 1 && e.OrganisationId == s.Supplier.Id);

        await s.AmendedAsync(s.Buyer);
        await Job().RunOnceAsync(default);

        await due.WaitForAsync(e => e.AgreementId == s.Id && e.Version == 2 && e.OrganisationId == s.Buyer.Id);
        var reminders = (await due.ReceivedAsync(Quiet)).Where(e => e.AgreementId == s.Id).Select(e => (e.Version, e.OrganisationId)).Order().ToList();
        Assert.Equal(new[] { (1, s.Buyer.Id), (1, s.Supplier.Id), (2, s.Buyer.Id), (2, s.Supplier.Id) }.Order(), reminders);
    }

    [Fact]
    public async Task An_active_agreement_expires_when_its_term_ends()
    {
        await using var expired = await EventListener<AgreementExpired>.StartAsync(factory.RabbitMqConnectionString);
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.ActivatedAsync();
        var until = s.Accepted.SupplyUntil!.Value;

        _clock.Advance(TimeSpan.FromDays(until.DayNumber - TestData.Today.DayNumber));
        await Job().RunOnceAsync(default);
        Assert.Equal(AgreementStatus.Active, (await s.ReadAsync()).Status);

        _clock.Advance(TimeSpan.FromDays(1.1));
        await Job().RunOnceAsync(default);

        var a = await s.ReadAsync();
        Assert.Equal((AgreementStatus.Expired, AgreementExpiryReasons.TermEnded), (a.Status, a.ExpiryReason));
        Assert.Equal(AgreementExpiryReasons.TermEnded, (await expired.WaitForAsync(e => e.AgreementId == s.Id)).Message.Reason);
    }

    [Fact]
    public async Task Either_party_terminates_an_active_agreement_with_a_reason_effective_after_the_notice()
    {
        await using var terminated = await EventListener<AgreementTerminated>.StartAsync(factory.RabbitMqConnectionString);
        var s = await AgreementScenario.DraftedAsync(factory);
        Task<HttpResponseMessage> Terminate(HttpClient client, string? reason) =>
            client.PostAsJsonAsync($"{s.Url}/terminate", new { reason }, ContractsFactory.Json);
        await (await Terminate(s.Buyer.Owner, "Chưa có hiệu lực")).AssertProblemAsync(HttpStatusCode.Conflict, "Only an active agreement");
        await s.ActivatedAsync();

        await (await Terminate(s.Buyer.Owner, null)).AssertValidationProblemAsync("reason");
        await (await Terminate(s.Buyer.Owner, "   ")).AssertValidationProblemAsync("reason");
        await (await Terminate(s.Buyer.As(OrganisationRoles.Member), "Không cần nữa")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Terminate(factory.CreateClientFor(Guid.NewGuid(), OrganisationKinds.ProgrammeOffice), "Không cần nữa"))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(AgreementStatus.Active, (await s.ReadAsync()).Status);

        var summary = await (await Terminate(s.Supplier.As(OrganisationRoles.Admin), "Ngừng sản xuất mặt hàng túi bột ngô"))
            .ReadAsync<AgreementSummaryResponse>(HttpStatusCode.OK);

        Assert.Equal(AgreementStatus.Terminated, summary.Status);
        var termination = (await s.ReadAsync()).Termination!;
        var effectiveOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30);
        Assert.Equal((s.Supplier.Id, "Ngừng sản xuất mặt hàng túi bột ngô", effectiveOn), (termination.By, termination.Reason, termination.EffectiveOn));
        var evt = (await terminated.WaitForAsync(e => e.AgreementId == s.Id)).Message;
        Assert.Equal((s.Supplier.Id, effectiveOn), (evt.TerminatedBy, evt.EffectiveOn));
        await (await Terminate(s.Buyer.Owner, "Lần nữa")).AssertProblemAsync(HttpStatusCode.Conflict);
        var audit = (await s.AuditAsync()).Entries[^1];
        Assert.Equal(("terminated", "Ngừng sản xuất mặt hàng túi bột ngô"), (audit.Action, audit.Details["reason"]));
    }
}
