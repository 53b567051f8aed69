using System.Net;
using System.Text.Json;
using Matchmaking.ContractSigning.Apis;
using Matchmaking.ServiceDefaults;
using Npgsql;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>The hash-chained, append-only audit trail: complete after a full flow, and any change to it shows.</summary>
public sealed class AuditTrailTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    private async Task<AuditVerificationResponse> VerificationAsync(AgreementScenario s)
    {
        var response = await s.Buyer.Owner.GetAsync($"{s.Url}/audit/verification");
        var body = await response.Content.ReadAsStringAsync();
        // firstBrokenLink is always present: null when the chain is intact.
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("firstBrokenLink", out _), body);
        return await response.ReadAsync<AuditVerificationResponse>(HttpStatusCode.OK);
    }

    /// <summary>Runs <paramref name="sql"/> as the database superuser, optionally with triggers off for the session (what an insider could do).</summary>
    private async Task<int> ExecuteAsync(bool bypassTriggers, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        await connection.OpenAsync();
        if (bypassTriggers)
        {
            await using var setup = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await setup.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_full_flow_leaves_an_intact_chain_recording_every_step_with_who_and_from_where()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        s.Buyer.Owner.DefaultRequestHeaders.UserAgent.ParseAdd("GreenLinkPortal/1.0");
        await s.ReadAsync();
        await s.ReadAsync();
        await s.DocumentAsync();
        await s.ReadAsync(s.Supplier.Owner);
        await s.ReadAsync(factory.CreateClientFor(Guid.NewGuid(), Matchmaking.Contracts.Identity.OrganisationKinds.ProgrammeOffice));
        await s.AmendedAsync(s.Supplier);
        await s.IssueCertificateAsync(s.Buyer);
        await s.IssueCertificateAsync(s.Supplier);
        await s.SendAsync(2);
        // As the gateway forwards it: the caller's address is evidence of where a signature came from.
        s.Supplier.Owner.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var supplierSignature = await s.SignedRemotelyAsync(s.Supplier, 2);
        await s.SignedRemotelyAsync(s.Buyer, 2);

        var trail = await s.AuditAsync();

        // Fetching version 2 to sign it is the buyer's first view of version 2.
        Assert.Equal(["drafted", "viewed", "viewed", "amended", "sent-for-signature", "viewed", "signed", "signed", "activated"],
            trail.Entries.Select(e => e.Action));
        Assert.Equal(Enumerable.Range(1, trail.Entries.Count).Select(i => (long)i), trail.Entries.Select(e => e.Sequence));
        Assert.Equal(Matchmaking.ContractSigning.Model.Agreement.GenesisHash, trail.Entries[0].PreviousHash);
        Assert.All(trail.Entries.Skip(1).Zip(trail.Entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        // One view per user and version: the buyer's owner read version 1 three ways and is recorded once; the programme office is no party.
        var views = trail.Entries.Where(e => e.Action == "viewed").ToList();
        Assert.Equal([(s.Buyer.Id, 1), (s.Supplier.Id, 1), (s.Buyer.Id, 2)], views.Select(v => (v.ActorOrganisationId!.Value, v.Version)));
        Assert.Equal("GreenLinkPortal/1.0", views[0].Details["userAgent"]);
        var signed = trail.Entries.First(e => e.Action == "signed");
        Assert.Equal((s.Supplier.Id, 2, supplierSignature.CertificateFingerprint, "remote"),
            (signed.ActorOrganisationId, signed.Version, signed.Details["certificateFingerprint"], signed.Details["method"]));
        Assert.Equal(s.Supplier.OwnerUserId, signed.ActorUserId);
        Assert.Equal("203.0.113.7", signed.Details["forwardedFor"]);

        var verification = await VerificationAsync(s);
        Assert.Equal((true, trail.Entries.Count, (BrokenLinkResponse?)null), (verification.Intact, verification.Entries, verification.FirstBrokenLink));
    }

    [Fact]
    public async Task Changing_one_entry_behind_the_triggers_back_is_reported_as_exactly_that_broken_link()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.ActivatedAsync();
        var signed = (await s.AuditAsync()).Entries.First(e => e.Action == "signed");

        var changed = await ExecuteAsync(bypassTriggers: true,
            """UPDATE audit_entries SET details = jsonb_set(details, '{method}', '"uploaded"') WHERE agreement_id = $1 AND sequence = $2""",
            s.Id, signed.Sequence);
        Assert.Equal(1, changed);

        var verification = await VerificationAsync(s);
        Assert.False(verification.Intact);
        Assert.Equal(signed.Sequence, verification.FirstBrokenLink!.Sequence);
        Assert.Contains("do not match its hash", verification.FirstBrokenLink.Reason);
    }

    [Fact]
    public async Task Removing_the_last_entries_is_reported_too()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.ActivatedAsync();
        var count = (await s.AuditAsync()).Entries.Count;

        await ExecuteAsync(bypassTriggers: true, "DELETE FROM audit_entries WHERE agreement_id = $1 AND sequence = $2", s.Id, (long)count);

        var verification = await VerificationAsync(s);
        Assert.Equal((false, (long)count), (verification.Intact, verification.FirstBrokenLink!.Sequence));
    }

    [Fact]
    public async Task The_database_refuses_to_update_delete_or_truncate_audit_entries()
    {
        var s = await AgreementScenario.DraftedAsync(factory);

        foreach (var sql in new[]
        {
            "UPDATE audit_entries SET action = 'signed' WHERE agreement_id = $1",
            "DELETE FROM audit_entries WHERE agreement_id = $1",
            "TRUNCATE audit_entries",
        })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => sql.StartsWith("TRUNCATE") ? ExecuteAsync(false, sql) : ExecuteAsync(false, sql, s.Id));
            Assert.Contains("append-only", error.MessageText);
        }

        var verification = await VerificationAsync(s);
        Assert.Equal((true, 1), (verification.Intact, verification.Entries));
    }

    [Fact]
    public async Task Strangers_cannot_read_or_verify_the_trail()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        var stranger = factory.CreateClientFor(Guid.NewGuid(), Matchmaking.Contracts.Identity.OrganisationKinds.Supplier, OrganisationRoles.Owner);
        await (await stranger.GetAsync($"{s.Url}/audit")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"{s.Url}/audit/verification")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
