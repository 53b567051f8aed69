using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Matchmaking.ContractSigning.Signing;

/// <summary>A zip anyone can check with OpenSSL alone.</summary>
/// <remarks>
/// Layout: agreement.pdf, signatures/{stem}.p7s (DER), certificates/{stem}.pem, ca.pem (every trust anchor),
/// audit-trail.json, manifest.json (SHA-256 of every other file) and VERIFY.txt (the commands, in English and Vietnamese).
/// Deterministic: fixed entry order and every entry stamped with <see cref="EvidenceBundleContent.CreatedAt"/>.
/// </remarks>
public static partial class EvidenceBundle
{
    public const string PdfFile = "agreement.pdf";
    public const string CaFile = "ca.pem";
    public const string AuditTrailFile = "audit-trail.json";
    public const string ManifestFile = "manifest.json";
    public const string InstructionsFile = "VERIFY.txt";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Vietnamese names stay readable in the manifest instead of turning into \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string SignatureFile(string fileStem) => $"signatures/{fileStem}.p7s";
    public static string CertificateFile(string fileStem) => $"certificates/{fileStem}.pem";

    /// <exception cref="ArgumentException">A file stem is unsafe or repeated, or there is no trust anchor.</exception>
    public static void Write(Stream output, EvidenceBundleContent content)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(content);
        Validate(content);

        var files = new List<(string Path, byte[] Bytes)>
        {
            (PdfFile, content.Pdf),
            (CaFile, Encoding.ASCII.GetBytes(string.Concat(content.TrustAnchors.Select(CertificateNames.ToPem)))),
            (AuditTrailFile, content.AuditTrailJson),
        };
        foreach (var signature in content.Signatures)
        {
            files.Add((SignatureFile(signature.FileStem), signature.Signature));
            files.Add((CertificateFile(signature.FileStem), Encoding.ASCII.GetBytes(CertificateNames.ToPem(signature.Certificate))));
        }
        files.Add((InstructionsFile, Encoding.UTF8.GetBytes(Instructions(content))));
        files.Add((ManifestFile, Manifest(content, files)));

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, bytes) in files)
        {
            var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
            entry.LastWriteTime = content.CreatedAt;
            using var stream = entry.Open();
            stream.Write(bytes);
        }
    }

    private static void Validate(EvidenceBundleContent content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content.AgreementNumber);
        ArgumentNullException.ThrowIfNull(content.Pdf);
        ArgumentNullException.ThrowIfNull(content.Signatures);
        ArgumentNullException.ThrowIfNull(content.TrustAnchors);
        ArgumentNullException.ThrowIfNull(content.AuditTrailJson);
        if (content.TrustAnchors.Count == 0)
            throw new ArgumentException("An evidence bundle needs at least one trust anchor for ca.pem.", nameof(content));
        var stems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var signature in content.Signatures)
        {
            if (signature.FileStem is null || !SafeStem().IsMatch(signature.FileStem))
                throw new ArgumentException($"'{signature.FileStem}' is not a safe file stem (letters, digits, '.', '_', '-').", nameof(content));
            if (!stems.Add(signature.FileStem))
                throw new ArgumentException($"Two signatures use the file stem '{signature.FileStem}'.", nameof(content));
            ArgumentNullException.ThrowIfNull(signature.Signature);
            ArgumentNullException.ThrowIfNull(signature.Certificate);
        }
    }

    private static byte[] Manifest(EvidenceBundleContent content, List<(string Path, byte[] Bytes)> files)
    {
        var manifest = new
        {
            AgreementNumber = content.AgreementNumber,
            Version = content.Version,
            CreatedAt = content.CreatedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ"),
            DocumentSha256 = Sha256(content.Pdf),
            Signatures = content.Signatures.Select(s => new
            {
                File = SignatureFile(s.FileStem),
                CertificateFile = CertificateFile(s.FileStem),
                Subject = s.Certificate.Subject,
                TaxCode = CertificateNames.TaxCodeOf(s.Certificate),
                CertificateSha256 = CertificateNames.Fingerprint(s.Certificate),
                SigningTime = SigningTimeOf(s.Signature)?.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            }),
            Files = files.Select(f => new { f.Path, Size = f.Bytes.LongLength, Sha256 = Sha256(f.Bytes) }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
    }

    private static string Instructions(EvidenceBundleContent content)
    {
        var commands = new StringBuilder();
        foreach (var signature in content.Signatures)
            commands.Append("  ").Append(VerifyCommand(signature.FileStem)).Append('\n');
        var signedAt = new StringBuilder();
        foreach (var signature in content.Signatures)
            if (SigningTimeOf(signature.Signature) is { } at)
                signedAt.Append("  ").Append(VerifyCommand(signature.FileStem)).Append(" -attime ").Append(at.ToUnixTimeSeconds()).Append('\n');
        var hash = Sha256(content.Pdf);

        return $"""
            Agreement {content.AgreementNumber}, version {content.Version} / Hợp đồng {content.AgreementNumber}, phiên bản {content.Version}

            == English ==

            agreement.pdf is the signed document. Each file in signatures/ is one party's CMS (PKCS #7) detached signature
            (DER, SHA-256) over the exact bytes of agreement.pdf; certificates/ holds each signer's certificate and ca.pem the
            certificate authorities this platform trusts. No software from the platform is needed: OpenSSL is enough.

            1. Check the document is the one that was signed; the hash must be {hash}:
              sha256sum agreement.pdf

            2. Check each signature (run in this folder; each must print "CMS Verification successful"):
            {commands}
            -binary stops OpenSSL from rewriting line endings in the PDF. -purpose any is needed because the certificates
            are for document signing (id-kp-documentSigning), not e-mail, which is what OpenSSL checks by default.
            If a certificate has expired since, check it at the time it signed:
            {signedAt}
            3. audit-trail.json is the agreement's hash-chained audit trail; manifest.json lists the SHA-256 of every file.

            == Tiếng Việt ==

            agreement.pdf là văn bản hợp đồng đã ký. Mỗi tệp trong thư mục signatures/ là chữ ký số CMS (PKCS #7) dạng tách rời
            (DER, SHA-256) của một bên, tạo trên chính xác các byte của agreement.pdf; thư mục certificates/ chứa chứng thư số
            của từng bên ký, còn ca.pem là các tổ chức chứng thực mà nền tảng tin cậy. Chỉ cần OpenSSL, không cần phần mềm nào
            của nền tảng.

            1. Kiểm tra văn bản đúng là văn bản đã ký; mã băm phải là {hash}:
              sha256sum agreement.pdf

            2. Kiểm tra từng chữ ký (chạy trong thư mục này; mỗi lệnh phải in ra "CMS Verification successful"):
            {commands}
            Tham số -binary giữ nguyên các byte của tệp PDF khi kiểm tra. Tham số -purpose any là cần thiết vì chứng thư số
            dùng để ký văn bản (id-kp-documentSigning), không phải để ký thư điện tử như OpenSSL mặc định kiểm tra.
            Nếu chứng thư số đã hết hạn sau khi ký, hãy kiểm tra tại thời điểm ký:
            {signedAt}
            3. audit-trail.json là nhật ký kiểm toán của hợp đồng, các bản ghi được liên kết bằng mã băm; manifest.json liệt kê
            mã băm SHA-256 của mọi tệp.

            """.ReplaceLineEndings("\n");
    }

    /// <summary>The OpenSSL command that checks one signature in an extracted bundle (run in the bundle's folder).</summary>
    public static string VerifyCommand(string fileStem) =>
        $"openssl cms -verify -binary -inform DER -in {SignatureFile(fileStem)} -content {PdfFile} -CAfile {CaFile} -purpose any -out /dev/null";

    private static DateTimeOffset? SigningTimeOf(byte[] signature)
    {
        try
        {
            var cms = new SignedCms();
            cms.Decode(signature);
            return cms.SignerInfos.Count == 0 ? null : cms.SignerInfos[0].SignedAttributes.OfType<CryptographicAttributeObject>()
                .SelectMany(a => a.Values.OfType<Pkcs9SigningTime>())
                .Select(t => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(t.SigningTime, DateTimeKind.Utc)))
                .FirstOrDefault();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeStem();
}
