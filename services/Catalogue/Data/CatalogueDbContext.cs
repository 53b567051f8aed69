using System.Text.Json;
using Matchmaking.Catalogue.Model;
using Matchmaking.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;

namespace Matchmaking.Catalogue.Data;

public sealed class CatalogueDbContext(DbContextOptions<CatalogueDbContext> options) : DbContext(options)
{
    public DbSet<SupplierProfile> Suppliers => Set<SupplierProfile>();
    public DbSet<ProductionSite> Sites => Set<ProductionSite>();
    public DbSet<CertificationScheme> Schemes => Set<CertificationScheme>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductClaim> Claims => Set<ProductClaim>();

    /// <summary>
    /// The supplier's profile, opened and added to this unit of work when it does not exist yet: whichever comes first
    /// (the registration event, the verification event or a member's first write) creates it, the others complete it.
    /// </summary>
    public async Task<(SupplierProfile Profile, bool Opened)> FindOrOpenSupplierAsync(Guid organisationId, DateTimeOffset now, CancellationToken ct)
    {
        if (await Suppliers.FindAsync([organisationId], ct) is { } existing) return (existing, false);
        var profile = SupplierProfile.Create(organisationId, now);
        Suppliers.Add(profile);
        return (profile, true);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<SupplierProfile>(e =>
        {
            e.ToTable("suppliers");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.LegalName).HasMaxLength(300);
            e.Property(s => s.TaxCode).HasMaxLength(14);
            e.Property(s => s.Province).HasMaxLength(100);
            e.Property(s => s.District).HasMaxLength(100);
            e.Property(s => s.DisplayName).HasMaxLength(200);
            e.Property(s => s.Description).HasMaxLength(5000);
            e.Property(s => s.ContactPerson).HasMaxLength(200);
            e.Property(s => s.Website).HasMaxLength(2048);
            e.Ignore(s => s.PublicName);
        });

        modelBuilder.Entity<ProductionSite>(e =>
        {
            e.ToTable("sites");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.CraftVillage).HasMaxLength(100);
            e.Property(s => s.Commune).HasMaxLength(100);
            e.Property(s => s.District).HasMaxLength(100);
            e.Property(s => s.Province).HasMaxLength(100);
            e.HasIndex(s => s.SupplierId);
        });

        modelBuilder.Entity<CertificationScheme>(e =>
        {
            e.ToTable("certification_schemes");
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(40);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.NumberPatterns).HasColumnType("jsonb").HasConversion(Json<Dictionary<string, string>>(), DictionaryComparer());
        });

        modelBuilder.Entity<Certificate>(e =>
        {
            e.ToTable("certificates");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.SchemeCode).HasMaxLength(40);
            e.Property(c => c.Number).HasMaxLength(100);
            e.Property(c => c.Issuer).HasMaxLength(200);
            e.Property(c => c.Level).HasMaxLength(40);
            e.Property(c => c.EvidenceSha256).HasMaxLength(64).IsFixedLength();
            e.Property(c => c.RegistryReference).HasMaxLength(300);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Verification).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.ScopeKind).HasConversion<string>().HasMaxLength(20);
            e.HasOne<CertificationScheme>().WithMany().HasForeignKey(c => c.SchemeCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.SupplierId, c.SchemeCode, c.Number }).IsUnique();
            // The daily expiry job scans active certificates by their last valid day.
            e.HasIndex(c => new { c.Status, c.ValidUntil });
        });

        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("products");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.NameVi).HasMaxLength(200);
            e.Property(p => p.NameEn).HasMaxLength(200);
            e.Property(p => p.DescriptionVi).HasMaxLength(5000);
            e.Property(p => p.DescriptionEn).HasMaxLength(5000);
            e.Property(p => p.Category).HasMaxLength(40);
            e.Property(p => p.Unit).HasMaxLength(32);
            e.Property(p => p.TraceabilityCode).HasMaxLength(64);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Packaging).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.PriceTiers).HasColumnType("jsonb").HasConversion(Json<List<PriceTier>>(), ListComparer<PriceTier>());
            e.Property(p => p.RowVersion).IsRowVersion();
            e.HasMany(p => p.Claims).WithOne().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ProductionSite>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.SupplierId);
            e.HasIndex(p => new { p.Status, p.Category });
        });

        modelBuilder.Entity<ProductClaim>(e =>
        {
            e.ToTable("product_claims");
            e.HasKey(c => new { c.ProductId, c.CertificateId });
            e.HasOne<Certificate>().WithMany().HasForeignKey(c => c.CertificateId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.CertificateId);
        });
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Json<T>() where T : new() =>
        new(v => JsonSerializer.Serialize(v, JsonOptions), v => JsonSerializer.Deserialize<T>(v, JsonOptions) ?? new T());

    private static ValueComparer<List<T>> ListComparer<T>() =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList());

    private static ValueComparer<Dictionary<string, string>> DictionaryComparer() =>
        new((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, string>(v));
}

/// <summary>Lets `dotnet ef migrations add` build the model without a database or the app's configuration.</summary>
public sealed class CatalogueDesignTimeFactory : IDesignTimeDbContextFactory<CatalogueDbContext>
{
    public CatalogueDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CatalogueDbContext>()
        .UseNpgsql("Host=localhost;Database=catalogue_design", o => o.MigrationsHistoryTable("__ef_migrations"))
        .Options);
}
