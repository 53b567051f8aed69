using System.Security.Cryptography;

namespace Matchmaking.ContractSigning.Signing;

/// <summary>
/// Encrypts private keys at rest with the service's master key, as encrypted PKCS#8 PEM (PBES2: PBKDF2-HMAC-SHA256 and
/// AES-256-CBC). The format is standard and self-describing, so an auditor can open a key with OpenSSL alone:
/// <c>openssl pkey -in key.pem -passin pass:$SIGNING_MASTER_KEY_BASE64</c>. Immutable and thread-safe.
/// </summary>
public sealed class KeyProtector
{
    public const int MinimumMasterKeyBytes = 32;
    private const string PemLabel = "ENCRYPTED PRIVATE KEY";

    // PBKDF2's iterations slow down guessing a human password; the master key is 256 random bits, which no iteration count
    // makes harder to guess. RFC 8018's minimum of 1,000 keeps tools happy and costs about a millisecond per signature,
    // where 100,000 cost about 100 ms and capped remote signing at ~20 per second on two cores (BENCHMARKS.md).
    // Keys written with another count still open: PBES2 records the count with each key.
    private static readonly PbeParameters Pbe = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1_000);

    // The base64 text of the master key rather than its bytes: the configured value then works as an OpenSSL password.
    private readonly string password;

    /// <param name="masterKey">At least 32 random bytes from configuration (Signing:MasterKey, base64).</param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumMasterKeyBytes"/>.</exception>
    public KeyProtector(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length < MinimumMasterKeyBytes)
            throw new ArgumentException(
                $"The signing master key must be at least {MinimumMasterKeyBytes} bytes; this one is {masterKey.Length}.", nameof(masterKey));
        password = Convert.ToBase64String(masterKey);
    }

    public string Protect(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return PemEncoding.WriteString(PemLabel, key.ExportEncryptedPkcs8PrivateKey(password, Pbe));
    }

    /// <summary>The key again; the caller disposes it.</summary>
    /// <exception cref="CryptographicException">Not an encrypted EC private key, or encrypted under another master key.</exception>
    public ECDsa Unprotect(string encryptedPem)
    {
        ArgumentNullException.ThrowIfNull(encryptedPem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromEncryptedPem(encryptedPem, password);
            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw;
        }
        catch (ArgumentException e)
        {
            // No PEM block at all: one exception type for every "cannot read this key" keeps callers simple.
            key.Dispose();
            throw new CryptographicException("The protected key is not an encrypted PKCS#8 PEM.", e);
        }
    }
}
