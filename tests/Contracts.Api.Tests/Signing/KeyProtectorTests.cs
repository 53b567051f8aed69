using System.Security.Cryptography;
using Matchmaking.ContractSigning.Signing;
using Matchmaking.TestSupport;
using Xunit;

namespace Matchmaking.ContractSigning.Tests.Signing;

public sealed class KeyProtectorTests
{
    private static readonly byte[] MasterKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_protected_key_comes_back_as_the_same_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = new KeyProtector(MasterKey).Protect(key);

        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", pem);
        using var back = new KeyProtector([.. MasterKey]).Unprotect(pem);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), back.ExportSubjectPublicKeyInfo());
        var data = "hợp đồng"u8.ToArray();
        Assert.True(key.VerifyData(data, back.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
    }

    [Fact]
    public void A_key_protected_under_another_master_key_cannot_be_read()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = new KeyProtector(RandomNumberGenerator.GetBytes(32)).Protect(key);
        Assert.ThrowsAny<CryptographicException>(() => new KeyProtector(MasterKey).Unprotect(pem));
    }

    [Fact]
    public void Text_that_is_not_a_protected_key_cannot_be_read() =>
        Assert.ThrowsAny<CryptographicException>(() => new KeyProtector(MasterKey).Unprotect("not a key"));

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    public void A_master_key_shorter_than_32_bytes_is_refused(int length) =>
        Assert.ThrowsAny<ArgumentException>(() => new KeyProtector(new byte[length]));

    [Fact]
    public async Task OpenSsl_reads_a_protected_key_with_the_base64_master_key_as_password()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var directory = Directory.CreateTempSubdirectory("key-protector-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "key.pem"), new KeyProtector(MasterKey).Protect(key));
            File.WriteAllText(Path.Combine(directory.FullName, "master.txt"), Convert.ToBase64String(MasterKey));
            var result = await OpenSsl.RunAsync(directory.FullName, "pkey", "-in", "key.pem", "-passin", "file:master.txt", "-pubout");
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains(key.ExportSubjectPublicKeyInfoPem(), result.Output.ReplaceLineEndings("\n"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
