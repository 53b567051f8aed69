using System.Text.Json;
using Matchmaking.Contracts.Matching;
using Matchmaking.Contracts.Needs;
using Matchmaking.Matching.Model;
using Matchmaking.Messaging;
using Matchmaking.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Matchmaking.Matching.Data;

/// <summary>
/// Matches, partnerships, notifications and organisations through EF; the product and need read models are plain tables
/// (<see cref="ReadModels.ReadModelSchema"/>, created by the Initial migration) that only raw SQL touches.
/// </summary>
public sealed class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>The organisation, opened and added to this unit of work when no identity event has arrived yet.</summary>
    public async Task<Organisation> FindOrOpenOrganisationAsync(Guid id, string kind, DateTimeOffset now, CancellationToken ct)
    {
        if (await Organisations.FindAsync([id], ct) is { } existing) return existing;
        var organisation = Organisation.Open(id, kind, now);
        Organisations.Add(organisation);
        return organisation;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.Kind).HasMaxLength(40);
            e.Property(o => o.LegalName).HasMaxLength(300);
            e.Property(o => o.TaxCode).HasMaxLength(14);
            e.Property(o => o.Province).HasMaxLength(100);
            e.Property(o => o.District).HasMaxLength(100);
            e.Property(o => o.Street).HasMaxLength(300);
            e.Property(o => o.Commune).HasMaxLength(100);
            e.Property(o => o.Representative).HasMaxLength(200);
        });

        modelBuilder.Entity<Match>(e =>
        {
            e.ToTable("matches");
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Status).HasMaxLength(20);
            e.Property(m => m.Breakdown).HasColumnType("jsonb").HasConversion(Json<List<ScorePart>>(), ListComparer<ScorePart>());
            e.Property(m => m.Reasons).HasColumnType("jsonb").HasConversion(Json<List<string>>(), ListComparer<string>());
            e.Property(m => m.Misses).HasColumnType("jsonb").HasConversion(Json<List<string>>(), ListComparer<string>());
            e.Property(m => m.ProductSummary).HasColumnType("jsonb").HasConversion(JsonRecord<ProductSummary>());
            e.Property(m => m.NeedSummary).HasColumnType("jsonb").HasConversion(JsonRecord<NeedSummary>());
            // One match per need and product: the engine's upserts conflict on it, so ids stay stable across rematches.
            e.HasIndex(m => new { m.NeedId, m.ProductId }).IsUnique();
            e.HasIndex(m => new { m.NeedId, m.Score });
            e.HasIndex(m => m.ProductId);
            e.HasIndex(m => new { m.SupplierId, m.Status, m.Score });
            e.HasIndex(m => new { m.RetailerId, m.Status, m.Score });
        });

        modelBuilder.Entity<Partnership>(e =>
        {
            e.ToTable("partnerships");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.BuyerName).HasMaxLength(300);
            e.Property(p => p.SupplierName).HasMaxLength(300);
            e.Property(p => p.NeedTitle).HasMaxLength(300);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Products).HasColumnType("jsonb").HasConversion(Json<List<PartnershipProduct>>(), ListComparer<PartnershipProduct>());
            e.Property(p => p.Delivery).HasColumnType("jsonb").HasConversion(JsonRecord<DeliveryLocationSnapshot>());
            e.Property(p => p.Message).HasMaxLength(2000);
            e.Property(p => p.DeclineReason).HasMaxLength(1000);
            e.Property(p => p.WithdrawReason).HasMaxLength(1000);
            e.Property(p => p.AgreementNumber).HasMaxLength(40);
            e.Property(p => p.AgreementStatus).HasMaxLength(30);
            e.HasIndex(p => new { p.BuyerId, p.CreatedAt });
            e.HasIndex(p => new { p.SupplierId, p.CreatedAt });
            // The expiry job scans open requests by their deadline.
            e.HasIndex(p => new { p.Status, p.ExpiresAt });
            // One open request per buyer, supplier and need: a double click or a retried POST gets 409, not a duplicate.
            e.HasIndex(p => new { p.BuyerId, p.SupplierId, p.NeedId }).IsUnique()
                .HasFilter("status = 'Requested' AND need_id IS NOT NULL").HasDatabaseName("ux_partnerships_open_request");
        });

        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Kind).HasMaxLength(40);
            e.Property(n => n.Title).HasMaxLength(500);
            e.Property(n => n.Body).HasMaxLength(2000);
            e.HasIndex(n => new { n.OrganisationId, n.CreatedAt });
            e.HasIndex(n => n.OrganisationId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
        });

        // The engine writes matches with raw SQL; one snake_case convention for every column keeps SQL and model in step.
        modelBuilder.UseSnakeCaseColumns();
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static ValueConverter<T, string> Json<T>() where T : new() =>
        new(v => JsonSerializer.Serialize(v, JsonOptions), v => JsonSerializer.Deserialize<T>(v, JsonOptions) ?? new T());

    private static ValueConverter<T, string> JsonRecord<T>() where T : class =>
        new(v => JsonSerializer.Serialize(v, JsonOptions), v => JsonSerializer.Deserialize<T>(v, JsonOptions)!);

    private static ValueComparer<List<T>> ListComparer<T>() =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList());
}

/// <summary>Lets `dotnet ef migrations add` build the model without a database or the app's configuration.</summary>
public sealed class MatchingDesignTimeFactory : IDesignTimeDbContextFactory<MatchingDbContext>
{
    public MatchingDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<MatchingDbContext>()
        .UseNpgsql("Host=localhost;Database=matching_design", o => o.MigrationsHistoryTable("__ef_migrations"))
        .Options);
}
