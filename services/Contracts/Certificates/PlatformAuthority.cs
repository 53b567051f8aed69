using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Matchmaking.ContractSigning.Data;
using Matchmaking.ContractSigning.Model;
using Matchmaking.ContractSigning.Services;
using Matchmaking.ContractSigning.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matchmaking.ContractSigning.Certificates;

/// <summary>
/// The platform's certificate authority (ECDSA P-256): created once, as the service first starts, and stored in the
/// contracts database with its key encrypted by the master key. Replicas starting together race on the row's primary key;
/// the loser adopts the winner's. Loaded once per process; its key is only used under a lock, one issuance at a time.
/// </summary>
public sealed class PlatformAuthority(IServiceScopeFactory scopes, KeyProtector keys, TimeProvider clock, IOptions<SigningOptions> options,
    ILogger<PlatformAuthority> logger) : IDisposable
{
    /// <summary>Long enough to outlive every certificate it issues several times over; a new root is a deliberate migration.</summary>
    private static readonly TimeSpan Validity = TimeSpan.FromDays(3650 * 2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (X509Certificate2 Certificate, ECDsa Key)? _loaded;

    public async Task<X509Certificate2> CertificateAsync(CancellationToken ct) => (await LoadAsync(ct)).Certificate;

    /// <summary>Issues an organisation's document-signing certificate and its new key pair.</summary>
    public async Task<(X509Certificate2 Certificate, ECDsa Key)> IssueAsync(SignerIdentity subject, CancellationToken ct)
    {
        var (certificate, key) = await LoadAsync(ct);
        await _gate.WaitAsync(ct);
        try
        {
            return CertificateFactory.IssueSigningCertificate(certificate, key, subject, clock.GetUtcNow(), options.Value.CertificateValidity);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates the authority if the database has none yet; the startup seed calls this right after migrating.</summary>
    public async Task EnsureCreatedAsync(ContractsDbContext db, CancellationToken ct)
    {
        if (await db.CertificateAuthorities.AnyAsync(a => a.Id == CertificateAuthorityRecord.PlatformId, ct)) return;
        var (certificate, key) = CertificateFactory.CreateRoot(options.Value.CertificateAuthorityName, clock.GetUtcNow(), Validity);
        using (key)
        {
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO certificate_authorities (id, certificate, protected_key, created_at)
                VALUES ({CertificateAuthorityRecord.PlatformId}, {certificate.RawData}, {keys.Protect(key)}, {clock.GetUtcNow()})
                ON CONFLICT (id) DO NOTHING
                """, ct);
            if (inserted == 1) ContractsLog.AuthorityCreated(logger, CertificateNames.Fingerprint(certificate));
        }
    }

    private async Task<(X509Certificate2 Certificate, ECDsa Key)> LoadAsync(CancellationToken ct)
    {
        if (_loaded is { } loaded) return loaded;
        await _gate.WaitAsync(ct);
        try
        {
            if (_loaded is { } raced) return raced;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContractsDbContext>();
            await EnsureCreatedAsync(db, ct);
            var record = await db.CertificateAuthorities.AsNoTracking().SingleAsync(a => a.Id == CertificateAuthorityRecord.PlatformId, ct);
            _loaded = (X509CertificateLoader.LoadCertificate(record.Certificate), keys.Unprotect(record.ProtectedKey));
            return _loaded.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _loaded?.Key.Dispose();
        _gate.Dispose();
    }
}
