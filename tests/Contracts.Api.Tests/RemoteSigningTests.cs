using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Matchmaking.Contracts.Agreements;
using Matchmaking.Contracts.Identity;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ServiceDefaults;
using Matchmaking.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>
/// Signing with the organisation's platform-held key: only an owner or signer, only with an activation token the
/// identity service issued to that user, for that organisation, that version's exact bytes, once.
/// </summary>
public sealed class RemoteSigningTests(ContractsFactory factory) : IClassFixture<ContractsFactory>
{
    private async Task<AgreementScenario> SentAsync()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.IssueCertificateAsync(s.Buyer);
        await s.IssueCertificateAsync(s.Supplier);
        await s.SendAsync();
        return s;
    }

    private static async Task AssertNothingSignedAsync(AgreementScenario s)
    {
        var a = await s.ReadAsync();
        Assert.Equal(AgreementStatus.AwaitingSignatures, a.Status);
        Assert.Empty(a.Signatures);
        Assert.DoesNotContain((await s.AuditAsync()).Entries, e => e.Action == "signed");
    }

    [Fact]
    public async Task Both_parties_signing_remotely_activates_the_agreement_and_announces_it()
    {
        await using var sent = await EventListener<AgreementSentForSignature>.StartAsync(factory.RabbitMqConnectionString);
        await using var signed = await EventListener<AgreementSigned>.StartAsync(factory.RabbitMqConnectionString);
        await using var activated = await EventListener<AgreementActivated>.StartAsync(factory.RabbitMqConnectionString);
        var s = await AgreementScenario.DraftedAsync(factory);
        var supplierCertificate = await s.IssueCertificateAsync(s.Supplier);
        await s.IssueCertificateAsync(s.Buyer);

        var before = DateTimeOffset.UtcNow;
        var summary = await s.SendAsync(by: s.Supplier);
        Assert.Equal(AgreementStatus.AwaitingSignatures, summary.Status);
        Assert.InRange(summary.SigningDeadline!.Value, before.AddDays(14).AddSeconds(-5), DateTimeOffset.UtcNow.AddDays(14).AddSeconds(5));
        Assert.Equal(summary.SigningDeadline, (await sent.WaitForAsync(e => e.AgreementId == s.Id)).Message.SigningDeadline);

        var first = await s.SignedRemotelyAsync(s.Supplier);
        Assert.Equal((s.Supplier.Id, "supplier", SignatureMethods.Remote, supplierCertificate.Fingerprint),
            (first.OrganisationId, first.Side, first.Method, first.CertificateFingerprint));
        Assert.Contains($"MST:{s.Supplier.TaxCode}", first.CertificateSubject);
        Assert.Equal(AgreementStatus.PartiallySigned, (await s.ReadAsync()).Status);

        await s.SignedRemotelyAsync(s.Buyer);

        var a = await s.ReadAsync();
        Assert.Equal(AgreementStatus.Active, a.Status);
        Assert.NotNull(a.ActivatedAt);
        Assert.Equal(["buyer", "supplier"], a.Signatures.Select(x => x.Side).Order());
        var evt = (await activated.WaitForAsync(e => e.AgreementId == s.Id)).Message;
        Assert.Equal((1, s.Accepted.SupplyFrom, s.Accepted.SupplyUntil!.Value, s.Accepted.PartnershipId),
            (evt.Version, evt.EffectiveFrom, evt.EffectiveUntil, evt.PartnershipId));
        await signed.WaitForAsync(e => e.AgreementId == s.Id && e.OrganisationId == s.Buyer.Id);
        var supplierSigned = (await signed.WaitForAsync(e => e.AgreementId == s.Id && e.OrganisationId == s.Supplier.Id)).Message;
        Assert.Equal((SignatureMethods.Remote, supplierCertificate.Fingerprint), (supplierSigned.Method, supplierSigned.CertificateFingerprint));

        var report = await s.SignatureReportAsync();
        Assert.True(report.AllValid);
        Assert.All(report.Signatures, r => Assert.Equal((true, true, true, false), (r.Valid, r.MatchesDocument, r.Trusted, r.Revoked)));
    }

    [Fact]
    public async Task Members_admins_the_programme_office_and_strangers_cannot_sign()
    {
        var s = await SentAsync();
        var sha = (await s.VersionAsync(1)).DocumentSha256;

        foreach (var role in new[] { OrganisationRoles.Member, OrganisationRoles.Admin })
        {
            var user = Guid.NewGuid();
            var token = factory.Tokens.SignatureActivationFor(user, s.Buyer.Id, sha, SignatureActivation.AgreementReference(s.Id, 1), role);
            await (await s.SignRemotelyAsync(s.Buyer, 1, token, s.Buyer.As(role, user))).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        var office = factory.CreateClientFor(Guid.NewGuid(), OrganisationKinds.ProgrammeOffice);
        await (await s.SignRemotelyAsync(s.Buyer, 1, s.Buyer.ActivationFor(s.Id, 1, sha), office)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var stranger = factory.CreateClientFor(Guid.NewGuid(), OrganisationKinds.Retailer);
        await (await s.SignRemotelyAsync(s.Buyer, 1, s.Buyer.ActivationFor(s.Id, 1, sha), stranger)).AssertProblemAsync(HttpStatusCode.NotFound);

        await AssertNothingSignedAsync(s);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "another-document", "another document" },
        { "another-version", "another agreement or version" },
        { "another-agreement", "another agreement or version" },
        { "another-user", "another user" },
        { "another-organisation", "another organisation" },
        { "expired", "expired" },
        { "access-token-audience", "audience" },
        { "the-access-token-itself", "not a signature activation token" },
        { "unknown-key", "signature" },
        { "not-a-token", "not valid" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task An_activation_token_for_anything_else_is_refused_and_signs_nothing(string mistake, string reason)
    {
        var s = await SentAsync();
        var sha = (await s.VersionAsync(1)).DocumentSha256;
        var owner = s.Buyer.OwnerUserId;
        string Token(Guid? user = null, Guid? organisation = null, string? hash = null, string? reference = null, TimeSpan? lifetime = null,
            string audience = SignatureActivation.Audience) =>
            factory.Tokens.SignatureActivationFor(user ?? owner, organisation ?? s.Buyer.Id, hash ?? sha,
                reference ?? SignatureActivation.AgreementReference(s.Id, 1), OrganisationRoles.Owner, lifetime, audience);

        var token = mistake switch
        {
            "another-document" => Token(hash: TestData.Sha256([1, 2, 3])),
            "another-version" => Token(reference: SignatureActivation.AgreementReference(s.Id, 2)),
            "another-agreement" => Token(reference: SignatureActivation.AgreementReference(Guid.NewGuid(), 1)),
            "another-user" => Token(user: Guid.NewGuid()),
            "another-organisation" => Token(organisation: s.Supplier.Id),
            "expired" => Token(lifetime: TimeSpan.FromSeconds(-50)),
            "access-token-audience" => Token(audience: "contracts-api"),
            "the-access-token-itself" => factory.Tokens.For(s.Buyer.Id, OrganisationKinds.Retailer, OrganisationRoles.Owner, owner),
            "unknown-key" => ForeignToken(owner, s.Buyer.Id, sha, SignatureActivation.AgreementReference(s.Id, 1)),
            _ => "not-a-token",
        };

        await (await s.SignRemotelyAsync(s.Buyer, 1, token)).AssertValidationProblemAsync("activationToken", reason);
        await AssertNothingSignedAsync(s);
    }

    [Fact]
    public async Task An_activation_token_signs_once()
    {
        var s = await SentAsync();
        var token = s.Buyer.ActivationFor(s.Id, 1, (await s.VersionAsync(1)).DocumentSha256);
        await (await s.SignRemotelyAsync(s.Buyer, 1, token)).ReadAsync<Apis.SignatureResponse>(HttpStatusCode.Created);

        await (await s.SignRemotelyAsync(s.Buyer, 1, token)).AssertValidationProblemAsync("activationToken", "already used");

        Assert.Single((await s.ReadAsync()).Signatures);
    }

    [Fact]
    public async Task Signing_a_draft_twice_or_without_a_certificate_is_409()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        await (await s.SignRemotelyAsync(s.Buyer)).AssertProblemAsync(HttpStatusCode.Conflict, "not been sent");
        await s.SendAsync();
        await (await s.SignRemotelyAsync(s.Buyer)).AssertProblemAsync(HttpStatusCode.Conflict, "no usable signing certificate");
        await (await s.SignRemotelyAsync(s.Buyer, 7, token: "eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).AssertProblemAsync(HttpStatusCode.NotFound);
        await AssertNothingSignedAsync(s);

        await s.IssueCertificateAsync(s.Buyer);
        await s.SignedRemotelyAsync(s.Buyer);
        await (await s.SignRemotelyAsync(s.Buyer)).AssertProblemAsync(HttpStatusCode.Conflict, "already signed");
        Assert.Single((await s.ReadAsync()).Signatures);
    }

    [Fact]
    public async Task A_remote_signature_is_made_with_the_organisations_platform_certificate()
    {
        var s = await SentAsync();
        var certificates = await (await s.Supplier.Owner.GetAsync("/api/contracts/certificates"))
            .ReadAsync<List<Apis.CertificateResponse>>(HttpStatusCode.OK);
        var certificate = X509Certificate2.CreateFromPem(Assert.Single(certificates).Pem);

        var signature = await s.SignedRemotelyAsync(s.Supplier);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)), signature.CertificateFingerprint);
        var report = Assert.Single((await s.SignatureReportAsync()).Signatures);
        Assert.Equal((true, signature.CertificateFingerprint), (report.Valid, report.Fingerprint));
    }

    /// <summary>A well-formed activation token signed with a key the service has never seen.</summary>
    private static string ForeignToken(Guid user, Guid organisation, string sha, string reference) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = SignatureActivation.Audience,
            TokenType = SignatureActivation.TokenType,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test" }, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, user.ToString()), new Claim(PlatformClaims.OrganisationId, organisation.ToString()),
                new Claim(PlatformClaims.Role, OrganisationRoles.Owner), new Claim(SignatureActivation.DocumentHashClaim, sha),
                new Claim(SignatureActivation.ReferenceClaim, reference), new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
        });
}
