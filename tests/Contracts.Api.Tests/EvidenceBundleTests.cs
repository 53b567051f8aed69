using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Matchmaking.ContractSigning.Apis;
using Xunit;

namespace Matchmaking.ContractSigning.Tests;

/// <summary>
/// The evidence bundle checked the way someone outside the platform would: unzipped, and each signature verified with the
/// real `openssl cms -verify` against the bundled PDF and CA file; then one byte of the PDF flipped, and both OpenSSL and
/// the platform's public verification reject it.
/// </summary>
public sealed class EvidenceBundleTests(ContractsFactory factory) : IClassFixture<ContractsFactory>, IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("evidence-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task The_bundle_verifies_with_openssl_and_a_flipped_byte_fails_both_openssl_and_the_platform()
    {
        // The buyer signs remotely with its platform certificate, the supplier uploads a licensed provider's signature.
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.IssueCertificateAsync(s.Buyer);
        await s.SendAsync();
        var downloaded = await s.DocumentAsync();
        using var supplierCertificate = factory.Provider.Issue(s.Supplier.LegalName, s.Supplier.TaxCode);
        await (await s.UploadAsync(s.Supplier, 1, LicensedProvider.Sign(downloaded, supplierCertificate))).ReadAsync<SignatureResponse>(HttpStatusCode.Created);
        await s.SignedRemotelyAsync(s.Buyer);
        var agreement = await s.ReadAsync();

        var response = await s.Supplier.Owner.GetAsync($"{s.Url}/evidence");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{agreement.Number}-v1-evidence.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        ZipFile.ExtractToDirectory(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), _dir.FullName);

        var pdfPath = Path.Combine(_dir.FullName, "agreement.pdf");
        var pdf = await File.ReadAllBytesAsync(pdfPath);
        // The bytes signed are the bytes downloaded, and their hash is the one the agreement states.
        Assert.Equal(downloaded, pdf);
        Assert.Equal(agreement.CurrentVersion.DocumentSha256, TestData.Sha256(pdf));
        var signatures = new[] { $"buyer-{s.Buyer.TaxCode}", $"supplier-{s.Supplier.TaxCode}" }
            .Select(stem => Path.Combine(_dir.FullName, "signatures", $"{stem}.p7s")).ToList();
        Assert.All(signatures, path => Assert.True(File.Exists(path), $"{path} is missing"));
        using (var trail = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_dir.FullName, "audit-trail.json"))))
        {
            Assert.True(trail.RootElement.GetProperty("chain").GetProperty("intact").GetBoolean());
            Assert.Contains(trail.RootElement.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "activated");
        }

        foreach (var signature in signatures)
        {
            var (exit, output) = await OpenSslVerifyAsync(signature, pdfPath);
            Assert.True(exit == 0, $"openssl refused {Path.GetFileName(signature)}: {output}");
            Assert.Contains("Verification successful", output);
        }
        foreach (var signature in signatures)
            Assert.Equal((true, true, false), await PlatformVerifyAsync(pdf, signature));

        var flipped = (byte[])pdf.Clone();
        flipped[flipped.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(pdfPath, flipped);
        foreach (var signature in signatures)
        {
            var (exit, output) = await OpenSslVerifyAsync(signature, pdfPath);
            Assert.True(exit != 0, $"openssl accepted a changed PDF: {output}");
            Assert.Equal((false, false, false), await PlatformVerifyAsync(flipped, signature));
        }
    }

    [Fact]
    public async Task The_public_verification_names_the_signer_and_the_agreement_version()
    {
        var s = await AgreementScenario.DraftedAsync(factory);
        await s.ActivatedAsync();
        var agreement = await s.ReadAsync();
        var zip = await (await s.Buyer.Owner.GetAsync($"{s.Url}/evidence")).Content.ReadAsByteArrayAsync();
        ZipFile.ExtractToDirectory(new MemoryStream(zip), _dir.FullName);
        var signature = await File.ReadAllBytesAsync(Path.Combine(_dir.FullName, "signatures", $"supplier-{s.Supplier.TaxCode}.p7s"));
        var pdf = await File.ReadAllBytesAsync(Path.Combine(_dir.FullName, "agreement.pdf"));

        var result = await VerifyAsync(pdf, signature);

        Assert.Equal((true, true, false, true), (result.Matches, result.Trusted, result.Revoked, result.Valid));
        Assert.Equal((s.Supplier.TaxCode, (Guid?)s.Supplier.Id), (result.Signer!.TaxCode, result.Signer.OrganisationId));
        Assert.Equal((s.Id, agreement.Number, 1), (result.Agreement!.Id, result.Agreement.Number, result.Agreement.Version));
        Assert.Empty(result.Problems);
        // Another document under the same signature: no match, and no agreement named.
        var other = await VerifyAsync([.. pdf, 0x0A], signature);
        Assert.Equal((false, false), (other.Matches, other.Valid));
        Assert.Null(other.Agreement);
        // Not base64: a 400 naming the field.
        await (await factory.CreateClient().PostAsJsonAsync("/api/contracts/verification", new { document = "%%%", signature = "AAAA" }, ContractsFactory.Json))
            .AssertValidationProblemAsync("document");
    }

    private async Task<DocumentVerificationResponse> VerifyAsync(byte[] document, byte[] signature) =>
        await (await factory.CreateClient().PostAsJsonAsync("/api/contracts/verification",
            new { document = Convert.ToBase64String(document), signature = Convert.ToBase64String(signature) }, ContractsFactory.Json))
            .ReadAsync<DocumentVerificationResponse>(HttpStatusCode.OK);

    private async Task<(bool Matches, bool Valid, bool Revoked)> PlatformVerifyAsync(byte[] document, string signaturePath)
    {
        var result = await VerifyAsync(document, await File.ReadAllBytesAsync(signaturePath));
        return (result.Matches, result.Valid, result.Revoked);
    }

    /// <summary>The command the bundle's instructions give, run as its own process.</summary>
    private async Task<(int Exit, string Output)> OpenSslVerifyAsync(string signaturePath, string pdfPath)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir.FullName,
        };
        foreach (var arg in new[] { "cms", "-verify", "-binary", "-inform", "DER", "-in", signaturePath, "-content", pdfPath,
                     "-CAfile", Path.Combine(_dir.FullName, "ca.pem"), "-purpose", "any", "-out", "/dev/null" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
