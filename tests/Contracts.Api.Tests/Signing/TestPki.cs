using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Matchmaking.ContractSigning.Signing;

namespace Matchmaking.ContractSigning.Tests.Signing;

/// <summary>A throwaway certificate authority for one test, with helpers to issue and sign.</summary>
public sealed class TestPki : IDisposable
{
    private readonly List<IDisposable> owned = [];

    public TestPki(string name = "Green Link Test Root CA", DateTimeOffset? now = null)
    {
        (Root, RootKey) = CertificateFactory.CreateRoot(name, now ?? DateTimeOffset.UtcNow, TimeSpan.FromDays(3650));
        owned.Add(Root);
        owned.Add(RootKey);
    }

    public X509Certificate2 Root { get; }
    public ECDsa RootKey { get; }

    /// <summary>A signing certificate with its private key attached.</summary>
    public X509Certificate2 Issue(string legalName = "Hợp tác xã Mây tre đan Phú Vinh", string taxCode = "0500123456",
        DateTimeOffset? now = null, TimeSpan? validity = null, Guid? organisationId = null)
    {
        var (certificate, key) = CertificateFactory.IssueSigningCertificate(Root, RootKey,
            new SignerIdentity(organisationId ?? Guid.NewGuid(), legalName, taxCode), now ?? DateTimeOffset.UtcNow, validity ?? TimeSpan.FromDays(730));
        using (certificate)
        using (key)
        {
            var withKey = certificate.CopyWithPrivateKey(key);
            owned.Add(withKey);
            return withKey;
        }
    }

    public SignatureVerifier Verifier() => new([Root]);

    public void Dispose()
    {
        foreach (var item in owned)
            item.Dispose();
    }

    /// <summary>Some bytes standing in for a PDF.</summary>
    public static byte[] Document(int size = 4096)
    {
        var bytes = new byte[size];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
