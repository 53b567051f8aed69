using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaking.Identity.Extensions;

/// <summary>
/// RSA keys kept as PEM files, so tokens, authorization codes and refresh tokens stay valid across restarts.
/// The file is created once with owner-only permissions; replacing it rotates the key (and signs everyone out).
/// </summary>
internal static class KeyStore
{
    public static RsaSecurityKey LoadOrCreate(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            var pem = rsa.ExportPkcs8PrivateKeyPem();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(pem);
        }
        var key = new RsaSecurityKey(rsa);
        // A stable key id derived from the public key, so services holding a cached JWKS keep matching it.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
