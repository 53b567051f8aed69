using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Matchmaking.ContractSigning.Services;

public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>Base64 of at least 32 random bytes; encrypts every private key held here. From a secret, never from appsettings.json.</summary>
    [Required]
    public string MasterKey { get; set; } = "";

    /// <summary>How long the parties have to sign once an agreement is sent.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A party that has not signed is reminded (AgreementSignatureDue) once this close to the deadline.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Validity of the signing certificates the platform issues.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan CertificateValidity { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Common name of the platform's certificate authority, used when it is first created.</summary>
    [Required, StringLength(64, MinimumLength = 1)]
    public string CertificateAuthorityName { get; set; } = "Green Link Hanoi Document Signing CA";

    /// <summary>PEM files of licensed providers' root certificates that uploaded signatures may chain to.</summary>
    public List<string> TrustAnchors { get; set; } = [];

    /// <summary>The same as PEM text, for deployments that pass them as settings.</summary>
    public List<string> TrustAnchorPems { get; set; } = [];

    /// <summary>Time between runs of the lifecycle job (signing deadlines, ended terms, reminders).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromHours(1);

    public byte[] MasterKeyBytes() => Convert.FromBase64String(MasterKey.Trim());

    /// <summary>The configured anchors, files first; throws on a file or PEM that holds no certificate.</summary>
    public IReadOnlyList<X509Certificate2> LoadTrustAnchors()
    {
        var anchors = new X509Certificate2Collection();
        foreach (var path in TrustAnchors) anchors.ImportFromPemFile(path);
        foreach (var pem in TrustAnchorPems) anchors.ImportFromPem(pem);
        return [.. anchors];
    }
}

/// <summary>Refuses to start with a missing or short master key or an unreadable trust anchor, rather than fail at the first signature.</summary>
public sealed class SigningOptionsValidator : IValidateOptions<SigningOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        var failures = new List<string>();
        var key = options.MasterKey.Length == 0 ? null : TryBase64(options.MasterKey);
        if (key is null || key.Length < 32)
            failures.Add("Signing:MasterKey must be the base64 of at least 32 random bytes (for example: openssl rand -base64 32).");
        if (options.ReminderBefore >= options.Deadline)
            failures.Add("Signing:ReminderBefore must be shorter than Signing:Deadline.");
        foreach (var path in options.TrustAnchors)
            if (!File.Exists(path)) failures.Add($"Signing:TrustAnchors names '{path}', which does not exist.");
            else if (!HoldsCertificate(c => c.ImportFromPemFile(path))) failures.Add($"Signing:TrustAnchors file '{path}' holds no PEM certificate.");
        for (var i = 0; i < options.TrustAnchorPems.Count; i++)
            if (!HoldsCertificate(c => c.ImportFromPem(options.TrustAnchorPems[i])))
                failures.Add($"Signing:TrustAnchorPems:{i} is not a PEM certificate.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    private static bool HoldsCertificate(Action<X509Certificate2Collection> import)
    {
        try
        {
            var collection = new X509Certificate2Collection();
            import(collection);
            return collection.Count > 0;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException or IOException)
        {
            return false;
        }
    }
}
