using System.Text.Json;
using Matchmaking.ContractSigning.Model;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Matchmaking.ContractSigning.Data;

/// <summary>
/// Agreements with their versions (terms as jsonb, the PDF as bytea), signatures, the append-only audit trail, signing
/// certificates and the platform CA. Columns are snake_case, so the raw SQL (row locks, the audit trigger) reads plainly.
/// </summary>
public sealed class ContractsDbContext(DbContextOptions<ContractsDbContext> options) : DbContext(options)
{
    /// <summary>Feeds agreement numbers HD-{year}-{000001}; a rolled-back draft leaves a gap, which is harmless.</summary>
    public const string AgreementNumberSequence = "agreement_numbers";

    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementVersion> Versions => Set<AgreementVersion>();
    public DbSet<AgreementSignature> Signatures => Set<AgreementSignature>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SignatureReminder> Reminders => Set<SignatureReminder>();
    public DbSet<SigningCertificate> Certificates => Set<SigningCertificate>();
    public DbSet<CertificateAuthorityRecord> CertificateAuthorities => Set<CertificateAuthorityRecord>();
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>The agreement, locked for the rest of the caller's transaction; every change and audit append goes through this.</summary>
    public Task<Agreement?> LockAgreementAsync(Guid id, CancellationToken ct) =>
        Agreements.FromSqlInterpolated($"SELECT * FROM agreements WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct);

    public async Task<long> NextAgreementNumberAsync(CancellationToken ct) =>
        await Database.SqlQuery<long>($"SELECT nextval('agreement_numbers') AS \"Value\"").SingleAsync(ct);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.HasSequence<long>(AgreementNumberSequence);

        modelBuilder.Entity<Agreement>(e =>
        {
            e.ToTable("agreements");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Number).HasMaxLength(20);
            e.Property(a => a.BuyerName).HasMaxLength(300);
            e.Property(a => a.SupplierName).HasMaxLength(300);
            e.Property(a => a.Status).HasConversion(new ValueConverter<AgreementStatus, string>(s => s.ToName(), s => AgreementStatuses.Parse(s)!.Value))
                .HasMaxLength(24);
            e.Property(a => a.TerminationReason).HasMaxLength(1000);
            e.Property(a => a.ExpiryReason).HasMaxLength(40);
            e.Property(a => a.AuditHead).HasMaxLength(64).IsFixedLength();
            e.HasIndex(a => a.Number).IsUnique();
            // One agreement per accepted partnership: a redelivered PartnershipAccepted drafts nothing new.
            e.HasIndex(a => a.PartnershipId).IsUnique();
            e.HasIndex(a => new { a.BuyerId, a.CreatedAt });
            e.HasIndex(a => new { a.SupplierId, a.CreatedAt });
            // The lifecycle job scans by status and deadline or term end.
            e.HasIndex(a => new { a.Status, a.SigningDeadline });
            e.HasIndex(a => new { a.Status, a.EffectiveUntil });
        });

        modelBuilder.Entity<AgreementVersion>(e =>
        {
            e.ToTable("agreement_versions");
            e.HasKey(v => new { v.AgreementId, v.Version });
            e.Property(v => v.Terms).HasColumnType("jsonb").HasConversion(Json<AgreementTerms>());
            e.Property(v => v.DocumentSha256).HasMaxLength(64).IsFixedLength();
            e.HasOne<Agreement>().WithMany().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Restrict);
            // POST /verification names the agreement a document belongs to by its hash.
            e.HasIndex(v => v.DocumentSha256);
        });

        modelBuilder.Entity<AgreementSignature>(e =>
        {
            e.ToTable("agreement_signatures");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Side).HasMaxLength(10);
            e.Property(s => s.Method).HasMaxLength(10);
            e.Property(s => s.SignerName).HasMaxLength(200);
            e.Property(s => s.CertificateSubject).HasMaxLength(1000);
            e.Property(s => s.CertificateFingerprint).HasMaxLength(64).IsFixedLength();
            e.Property(s => s.ActivationTokenId).HasMaxLength(128);
            e.HasOne<AgreementVersion>().WithMany().HasForeignKey(s => new { s.AgreementId, s.Version }).OnDelete(DeleteBehavior.Restrict);
            // One signature per party and version: a double submit gets 409 rather than a second signature.
            e.HasIndex(s => new { s.AgreementId, s.Version, s.OrganisationId }).IsUnique();
            // A signature activation token signs once.
            e.HasIndex(s => s.ActivationTokenId).IsUnique().HasFilter("activation_token_id IS NOT NULL");
            e.HasIndex(s => s.CertificateFingerprint);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => new { a.AgreementId, a.Sequence });
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.Details).HasColumnType("jsonb").HasConversion(Json<Dictionary<string, string>, IReadOnlyDictionary<string, string>>(),
                new ValueComparer<IReadOnlyDictionary<string, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    d => d.Aggregate(0, (h, p) => h ^ HashCode.Combine(p.Key, p.Value)), d => d));
            e.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
            e.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
            e.HasOne<Agreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SignatureReminder>(e =>
        {
            e.ToTable("signature_reminders");
            e.HasKey(r => new { r.AgreementId, r.Version, r.OrganisationId });
            e.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SigningCertificate>(e =>
        {
            e.ToTable("signing_certificates");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Source).HasMaxLength(10);
            e.Property(c => c.Subject).HasMaxLength(1000);
            e.Property(c => c.TaxCode).HasMaxLength(20);
            e.Property(c => c.Fingerprint).HasMaxLength(64).IsFixedLength();
            e.Property(c => c.RevocationReason).HasMaxLength(500);
            e.HasIndex(c => c.Fingerprint).IsUnique();
            e.HasIndex(c => c.OrganisationId);
        });

        modelBuilder.Entity<CertificateAuthorityRecord>(e =>
        {
            e.ToTable("certificate_authorities");
            e.Property(c => c.Id).HasMaxLength(40);
        });

        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.Kind).HasMaxLength(40);
            e.Property(o => o.LegalName).HasMaxLength(300);
            e.Property(o => o.TaxCode).HasMaxLength(20);
            e.Property(o => o.AddressLine).HasMaxLength(600);
            e.Property(o => o.Representative).HasMaxLength(200);
        });

        modelBuilder.UseSnakeCaseColumns();
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static ValueConverter<T, string> Json<T>() where T : class =>
        new(v => JsonSerializer.Serialize(v, JsonOptions), v => JsonSerializer.Deserialize<T>(v, JsonOptions)!);

    private static ValueConverter<TExposed, string> Json<TStored, TExposed>() where TStored : class, TExposed =>
        new(v => JsonSerializer.Serialize(v, JsonOptions), v => JsonSerializer.Deserialize<TStored>(v, JsonOptions)!);
}

/// <summary>Lets `dotnet ef migrations add` build the model without a database or the app's configuration.</summary>
public sealed class ContractsDesignTimeFactory : IDesignTimeDbContextFactory<ContractsDbContext>
{
    public ContractsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ContractsDbContext>()
        .UseNpgsql("Host=localhost;Database=contracts_design", o => o.MigrationsHistoryTable("__ef_migrations"))
        .Options);
}
