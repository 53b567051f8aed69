using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Matchmaking.ContractSigning.Documents;
using Matchmaking.ContractSigning.Signing;
using Matchmaking.ContractSigning.Tests.Documents;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.ContractSigning.Tests.Signing;

/// <summary>The evidence bundle checked the way an outsider would: unzipped, with OpenSSL and the commands in VERIFY.txt.</summary>
public sealed class EvidenceBundleTests : IDisposable
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));
    private readonly TestPki pki = new();
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("evidence-");

    public void Dispose()
    {
        pki.Dispose();
        directory.Delete(recursive: true);
    }

    private EvidenceBundleContent Content()
    {
        var pdf = new AgreementPdfRenderer().Render(SampleAgreement.Document());
        var buyer = pki.Issue(SampleAgreement.BuyerName, SampleAgreement.BuyerTaxCode);
        var supplier = pki.Issue(SampleAgreement.SupplierName, SampleAgreement.SupplierTaxCode);
        var now = DateTimeOffset.UtcNow;
        return new EvidenceBundleContent("HD-2026-000042", 1, pdf,
            [
                new EvidenceSignature("ben-a-buyer", CmsSignatures.SignDetached(pdf, buyer, now.AddMinutes(-3)), buyer),
                new EvidenceSignature("ben-b-supplier", CmsSignatures.SignDetached(pdf, supplier, now), supplier),
            ],
            [pki.Root], """[{"sequence":1,"action":"drafted"}]"""u8.ToArray(), CreatedAt);
    }

    private static byte[] Write(EvidenceBundleContent content)
    {
        using var zip = new MemoryStream();
        EvidenceBundle.Write(zip, content);
        return zip.ToArray();
    }

    private string Extract(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        archive.ExtractToDirectory(directory.FullName);
        return directory.FullName;
    }

    private static IReadOnlyList<string> VerifyCommands(string folder, bool atSigningTime = false) =>
        [.. File.ReadAllLines(Path.Combine(folder, "VERIFY.txt"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("openssl cms -verify", StringComparison.Ordinal) && l.Contains("-attime") == atSigningTime)
            .Distinct()];

    // The documented command exactly as written (it has no quoting, so splitting on spaces is the shell's reading).
    private static Task<OpenSsl.Result> Run(string folder, string command) =>
        OpenSsl.RunAsync(folder, command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]);

    [Fact]
    public async Task Every_signature_in_the_bundle_verifies_with_the_OpenSSL_command_it_documents()
    {
        var folder = Extract(Write(Content()));
        var commands = VerifyCommands(folder);

        Assert.Equal(2, commands.Count);
        Assert.Contains("openssl cms -verify -binary -inform DER -in signatures/ben-a-buyer.p7s -content agreement.pdf -CAfile ca.pem -purpose any -out /dev/null", commands);
        foreach (var command in commands)
        {
            var result = await Run(folder, command);
            Assert.True(result.ExitCode == 0, $"{command}\n{result.Output}");
            Assert.Contains("Verification successful", result.Output);
        }
        foreach (var command in VerifyCommands(folder, atSigningTime: true))
            Assert.Equal(0, (await Run(folder, command)).ExitCode);
    }

    [Fact]
    public async Task One_flipped_byte_in_the_PDF_fails_OpenSSL_and_the_platform()
    {
        var content = Content();
        var folder = Extract(Write(content));
        var pdfPath = Path.Combine(folder, "agreement.pdf");
        var pdf = File.ReadAllBytes(pdfPath);
        pdf[pdf.Length / 2] ^= 0x01;
        File.WriteAllBytes(pdfPath, pdf);

        foreach (var command in VerifyCommands(folder))
        {
            var result = await Run(folder, command);
            Assert.True(result.ExitCode != 0, result.Output);
            Assert.Contains("Verification failure", result.Output);
        }
        var verifier = pki.Verifier();
        Assert.All(content.Signatures, s => Assert.False(verifier.Verify(pdf, s.Signature).Matches));
        Assert.All(content.Signatures, s => Assert.True(verifier.Verify(content.Pdf, s.Signature).Valid));
    }

    [Fact]
    public async Task The_manifest_holds_the_SHA256_of_every_file_and_sha256sum_agrees()
    {
        var content = Content();
        var folder = Extract(Write(content));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        var root = manifest.RootElement;

        Assert.Equal("HD-2026-000042", root.GetProperty("agreementNumber").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var files = root.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!);
        var onDisk = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Where(f => f != "manifest.json").Order().ToList();
        Assert.Equal(onDisk, files.Keys.Order().ToList());
        foreach (var (path, hash) in files)
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, path)))));

        var documentHash = Convert.ToHexStringLower(SHA256.HashData(content.Pdf));
        Assert.Equal(documentHash, root.GetProperty("documentSha256").GetString());
        var sha256sum = new System.Diagnostics.ProcessStartInfo("sha256sum", "agreement.pdf") { WorkingDirectory = folder, RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(sha256sum)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.StartsWith(documentHash, output);
        Assert.Contains(documentHash, File.ReadAllText(Path.Combine(folder, "VERIFY.txt")));
    }

    [Fact]
    public void The_bundle_holds_each_signature_its_certificate_the_anchors_and_bilingual_instructions()
    {
        var content = Content();
        var folder = Extract(Write(content));

        Assert.Equal(content.Pdf, File.ReadAllBytes(Path.Combine(folder, "agreement.pdf")));
        Assert.Equal(content.Signatures[0].Signature, File.ReadAllBytes(Path.Combine(folder, "signatures", "ben-a-buyer.p7s")));
        Assert.Equal(CertificateNames.ToPem(content.Signatures[1].Certificate), File.ReadAllText(Path.Combine(folder, "certificates", "ben-b-supplier.pem")));
        Assert.Equal(CertificateNames.ToPem(pki.Root), File.ReadAllText(Path.Combine(folder, "ca.pem")));
        Assert.Equal(content.AuditTrailJson, File.ReadAllBytes(Path.Combine(folder, "audit-trail.json")));
        var instructions = File.ReadAllText(Path.Combine(folder, "VERIFY.txt"), Encoding.UTF8);
        Assert.Contains("sha256sum agreement.pdf", instructions);
        Assert.Contains("Check each signature", instructions);
        Assert.Contains("Kiểm tra từng chữ ký", instructions);
    }

    [Fact]
    public void The_same_content_gives_the_same_zip_and_every_entry_carries_the_creation_time()
    {
        var content = Content();
        var zip = Write(content);
        Assert.Equal(zip, Write(content));

        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(["agreement.pdf", "ca.pem", "audit-trail.json", "signatures/ben-a-buyer.p7s", "certificates/ben-a-buyer.pem",
            "signatures/ben-b-supplier.p7s", "certificates/ben-b-supplier.pem", "VERIFY.txt", "manifest.json"], archive.Entries.Select(e => e.FullName));
        Assert.All(archive.Entries, e => Assert.Equal(CreatedAt.DateTime, e.LastWriteTime.DateTime));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(".hidden")]
    public void A_file_stem_that_could_leave_its_folder_is_refused(string stem)
    {
        var content = Content();
        var bad = content with { Signatures = [content.Signatures[0] with { FileStem = stem }] };
        using var zip = new MemoryStream();
        Assert.Throws<ArgumentException>(() => EvidenceBundle.Write(zip, bad));
        Assert.Equal(0, zip.Length);
    }

    [Fact]
    public void Two_signatures_with_the_same_file_stem_are_refused()
    {
        var content = Content();
        var bad = content with { Signatures = [content.Signatures[0], content.Signatures[1] with { FileStem = "BEN-A-BUYER" }] };
        Assert.Throws<ArgumentException>(() => EvidenceBundle.Write(new MemoryStream(), bad));
    }
}
