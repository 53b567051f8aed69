using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Matchmaking.ContractSigning.Signing;

public static class CertificateNames
{
    /// <summary>The tax code a certificate names, the way Vietnamese CAs write it: subject UID "MST:0101234567".</summary>
    /// <returns>The code without the prefix, trimmed; null when the subject has no such UID.</returns>
    public static string? TaxCodeOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements || rdn.GetSingleElementType().Value != CertificateFactory.UserIdOid)
                continue;
            var value = rdn.GetSingleElementValue()?.Trim();
            if (value is null || !value.StartsWith(CertificateFactory.TaxCodePrefix, StringComparison.OrdinalIgnoreCase))
                continue;
            var code = value[CertificateFactory.TaxCodePrefix.Length..].Trim();
            return code.Length == 0 ? null : code;
        }
        return null;
    }

    /// <summary>Lower-case hex SHA-256 of the DER certificate.</summary>
    public static string Fingerprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.RawDataMemory.Span));
    }

    /// <summary>"-----BEGIN CERTIFICATE-----" PEM ending in a line feed, so several concatenate into a valid bundle.</summary>
    public static string ToPem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return PemEncoding.WriteString("CERTIFICATE", certificate.RawDataMemory.Span) + "\n";
    }

    /// <summary>The first certificate in a PEM text.</summary>
    /// <exception cref="CryptographicException">The text holds no PEM certificate.</exception>
    public static X509Certificate2 FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (ArgumentException e)
        {
            throw new CryptographicException("The text does not contain a PEM certificate.", e);
        }
    }

    /// <summary>Every certificate in a PEM text (a trust-anchor file may hold several).</summary>
    /// <exception cref="CryptographicException">A PEM certificate block is malformed.</exception>
    public static IReadOnlyList<X509Certificate2> AllFromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(pem);
        return [.. certificates];
    }
}
