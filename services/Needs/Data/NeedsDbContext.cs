using Matchmaking.Messaging;
using Matchmaking.Needs.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Matchmaking.Needs.Data;

public sealed class NeedsDbContext(DbContextOptions<NeedsDbContext> options) : DbContext(options)
{
    public DbSet<RetailerProfile> Retailers => Set<RetailerProfile>();
    public DbSet<DeliveryLocation> Locations => Set<DeliveryLocation>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<ShortlistEntry> Shortlist => Set<ShortlistEntry>();
    public DbSet<ProductListing> Products => Set<ProductListing>();

    /// <summary>
    /// The retailer's profile, opened and added to this unit of work when it does not exist yet: whichever comes first
    /// (the registration event, the verification event or a member's first write) creates it, the others complete it.
    /// </summary>
    public async Task<(RetailerProfile Profile, bool Opened)> FindOrOpenRetailerAsync(Guid organisationId, DateTimeOffset now, CancellationToken ct)
    {
        if (await Retailers.FindAsync([organisationId], ct) is { } existing) return (existing, false);
        var profile = RetailerProfile.Create(organisationId, now);
        Retailers.Add(profile);
        return (profile, true);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<RetailerProfile>(e =>
        {
            e.ToTable("retailers");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.LegalName).HasMaxLength(300);
            e.Property(r => r.TaxCode).HasMaxLength(14);
            e.Property(r => r.Province).HasMaxLength(100);
            e.Property(r => r.District).HasMaxLength(100);
            e.Property(r => r.DisplayName).HasMaxLength(200);
            e.Property(r => r.Description).HasMaxLength(5000);
            e.Ignore(r => r.PublicName);
            e.Ignore(r => r.SnapshotFacts);
        });

        modelBuilder.Entity<DeliveryLocation>(e =>
        {
            e.ToTable("locations");
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.Name).HasMaxLength(200);
            e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(l => l.Address).HasMaxLength(300);
            e.Property(l => l.Commune).HasMaxLength(100);
            e.Property(l => l.District).HasMaxLength(100);
            e.Property(l => l.Province).HasMaxLength(100);
            e.HasOne<RetailerProfile>().WithMany().HasForeignKey(l => l.RetailerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => l.RetailerId);
        });

        modelBuilder.Entity<Need>(e =>
        {
            e.ToTable("needs");
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Title).HasMaxLength(200);
            e.Property(n => n.Description).HasMaxLength(5000);
            e.Property(n => n.Category).HasMaxLength(40);
            e.Property(n => n.Unit).HasMaxLength(32);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.ProvinceKey).HasMaxLength(100);
            e.Property(n => n.RowVersion).IsRowVersion();
            e.ComplexProperty(n => n.Delivery, d =>
            {
                d.Property(x => x.Name).HasMaxLength(200);
                d.Property(x => x.Address).HasMaxLength(300);
                d.Property(x => x.Commune).HasMaxLength(100);
                d.Property(x => x.District).HasMaxLength(100);
                d.Property(x => x.Province).HasMaxLength(100);
            });
            e.ComplexProperty(n => n.Weights);
            e.Ignore(n => n.IsOpen);
            // The delivery location is not a foreign key: a need keeps its snapshot when the location is deleted.
            e.HasOne<RetailerProfile>().WithMany().HasForeignKey(n => n.RetailerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(n => new { n.RetailerId, n.Status });
            // The open-needs list and the expiry job both scan by status.
            e.HasIndex(n => new { n.Status, n.Category });
            e.HasIndex(n => new { n.Status, n.ValidUntil });
        });

        modelBuilder.Entity<ShortlistEntry>(e =>
        {
            e.ToTable("shortlist_entries");
            e.HasKey(s => new { s.NeedId, s.ProductId });
            e.Property(s => s.Note).HasMaxLength(500);
            e.HasOne<Need>().WithMany().HasForeignKey(s => s.NeedId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ProductListing>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ProductListing>(e =>
        {
            e.ToTable("product_listings");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.SupplierName).HasMaxLength(300);
            e.Property(p => p.NameVi).HasMaxLength(200);
            e.Property(p => p.Category).HasMaxLength(40);
            e.Property(p => p.Unit).HasMaxLength(32);
            e.Property(p => p.RowVersion).IsRowVersion();
        });
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without a database or the app's configuration.</summary>
public sealed class NeedsDesignTimeFactory : IDesignTimeDbContextFactory<NeedsDbContext>
{
    public NeedsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<NeedsDbContext>()
        .UseNpgsql("Host=localhost;Database=needs_design", o => o.MigrationsHistoryTable("__ef_migrations"))
        .Options);
}
