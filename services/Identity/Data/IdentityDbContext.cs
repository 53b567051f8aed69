using Matchmaking.Identity.Model;
using Matchmaking.Messaging;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Matchmaking.Identity.Data;

/// <summary>Users (ASP.NET Core Identity, no global roles: roles live on memberships), organisations, OpenIddict's tables and the outbox.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : IdentityUserContext<ApplicationUser, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<OrganisationClient> OrganisationClients => Set<OrganisationClient>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddOutboxAndInbox();

        builder.Entity<ApplicationUser>(e => e.Property(u => u.FullName).HasMaxLength(200));

        builder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.Kind).HasMaxLength(32);
            e.Property(o => o.LegalName).HasMaxLength(300);
            e.Property(o => o.TaxCode).HasMaxLength(14);
            // One registration per tax code: the race between two identical requests ends here as a 409.
            e.HasIndex(o => o.TaxCode).IsUnique();
            e.HasIndex(o => o.VerifiedAt);
            e.ComplexProperty(o => o.Address, a =>
            {
                a.Property(x => x.Street).HasColumnName("address_street").HasMaxLength(300);
                a.Property(x => x.Commune).HasColumnName("address_commune").HasMaxLength(100);
                a.Property(x => x.District).HasColumnName("address_district").HasMaxLength(100);
                a.Property(x => x.Province).HasColumnName("address_province").HasMaxLength(100);
            });
            e.ComplexProperty(o => o.Contact, c =>
            {
                c.Property(x => x.Name).HasColumnName("contact_name").HasMaxLength(200);
                c.Property(x => x.Email).HasColumnName("contact_email").HasMaxLength(256);
                c.Property(x => x.Phone).HasColumnName("contact_phone").HasMaxLength(32);
            });
            e.Ignore(o => o.Verified);
            e.Property(o => o.VerifiedBy).HasMaxLength(100);
            // xmin as a concurrency token: two verifications racing end in one event and one 409.
            e.Property<uint>("Version").IsRowVersion();
        });

        builder.Entity<Membership>(e =>
        {
            e.ToTable("memberships");
            e.HasKey(m => new { m.OrganisationId, m.UserId });
            e.Property(m => m.Role).HasMaxLength(32);
            e.HasOne(m => m.Organisation).WithMany(o => o.Memberships).HasForeignKey(m => m.OrganisationId);
            e.HasOne(m => m.User).WithMany(u => u.Memberships).HasForeignKey(m => m.UserId);
            e.HasIndex(m => m.UserId);
            e.Ignore(m => m.CanManage);
        });

        builder.Entity<OrganisationClient>(e =>
        {
            e.ToTable("organisation_clients");
            e.HasKey(c => c.ClientId);
            e.Property(c => c.ClientId).HasMaxLength(100);
            e.Property(c => c.DisplayName).HasMaxLength(200);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId);
        });
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without a database or the rest of the service.</summary>
public sealed class DesignTimeIdentityDbContextFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<IdentityDbContext>()
        .UseNpgsql("Host=localhost;Database=identity_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
        .Options);
}
