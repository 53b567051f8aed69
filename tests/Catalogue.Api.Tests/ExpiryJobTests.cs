using System.Net;
using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Jobs;
using Matchmaking.Catalogue.Model;
using Matchmaking.Contracts.Catalogue;
using Matchmaking.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Matchmaking.Catalogue.Tests;

/// <summary>The daily certificate job, run by hand on a fake clock against the real database and broker.</summary>
public sealed class ExpiryJobTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private CertificateExpiryJob Job() => new(factory.Services.GetRequiredService<IServiceScopeFactory>(), _clock,
        Options.Create(new CertificateExpiryOptions()), NullLogger<CertificateExpiryJob>.Instance);

    private async Task<CertificateResponse> ReadCertificateAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/catalogue/certificates/{id}")).ReadAsync<CertificateResponse>(HttpStatusCode.OK);

    [Fact]
    public async Task The_renewal_notice_goes_out_thirty_days_before_expiry_and_only_once()
    {
        await using var listener = await EventListener<CertificationExpiring>.StartAsync(factory.RabbitMqConnectionString);
        var (supplierId, client) = await factory.NewSupplierAsync();
        var certificate = await client.CreateCertificateAsync(TestData.Ocop(validForDays: 45));

        await Job().RunOnceAsync(default);
        Assert.Null((await ReadCertificateAsync(client, certificate.Id)).ExpiryNoticeSentAt);

        _clock.Advance(TimeSpan.FromDays(14)); // 31 days left
        await Job().RunOnceAsync(default);
        Assert.Null((await ReadCertificateAsync(client, certificate.Id)).ExpiryNoticeSentAt);

        _clock.Advance(TimeSpan.FromDays(1)); // 30 days left
        await Job().RunOnceAsync(default);
        _clock.Advance(TimeSpan.FromDays(1));
        await Job().RunOnceAsync(default);

        var notice = (await listener.WaitForAsync(e => e.CertificateId == certificate.Id)).Message;
        Assert.Equal((supplierId, "OCOP", certificate.ValidUntil), (notice.SupplierId, notice.SchemeCode, (DateOnly?)notice.ValidUntil));
        Assert.NotNull((await ReadCertificateAsync(client, certificate.Id)).ExpiryNoticeSentAt);
        var all = await listener.ReceivedAsync(TimeSpan.FromSeconds(1));
        Assert.Single(all, e => e.CertificateId == certificate.Id);
    }

    [Fact]
    public async Task On_expiry_the_certificate_is_marked_expired_and_its_products_are_republished_without_the_badge()
    {
        await using var updates = await EventListener<ProductUpdated>.StartAsync(factory.RabbitMqConnectionString);
        await using var expirations = await EventListener<CertificationExpired>.StartAsync(factory.RabbitMqConnectionString);
        var (_, client) = await factory.NewSupplierAsync();
        var (product, _, certificate) = await client.PublishedVaseAsync(TestData.Ocop(validForDays: 20));
        Assert.True(product.Certifications[0].Valid);

        await Job().RunOnceAsync(default);
        Assert.Equal(CertificateStatus.Active, (await ReadCertificateAsync(client, certificate.Id)).Status);

        _clock.Advance(TimeSpan.FromDays(21));
        await Job().RunOnceAsync(default);

        Assert.Equal(CertificateStatus.Expired, (await ReadCertificateAsync(client, certificate.Id)).Status);
        var expired = (await expirations.WaitForAsync(e => e.CertificateId == certificate.Id)).Message;
        Assert.Contains(product.Id, expired.AffectedProductIds);
        var update = (await updates.WaitForAsync(e => e.Product.ProductId == product.Id)).Message;
        Assert.True(update.Version > product.Version);
        var snapshotCertificate = Assert.Single(update.Product.Certifications);
        Assert.Equal(("expired", false), (snapshotCertificate.Status, snapshotCertificate.ValidAtSnapshot));

        var read = await (await factory.CreateClient().GetAsync($"/api/catalogue/products/{product.Id}")).ReadAsync<ProductResponse>(HttpStatusCode.OK);
        Assert.Equal((false, BadgeReason.Expired), (read.Certifications[0].Valid, read.Certifications[0].Reason));
        Assert.Equal(update.Version, read.Version);

        // A second run the same day finds nothing left to do for this certificate.
        await Job().RunOnceAsync(default);
        Assert.Single(await updates.ReceivedAsync(TimeSpan.FromSeconds(1)), e => e.Product.ProductId == product.Id);
    }
}
