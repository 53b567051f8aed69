using Matchmaking.Identity.Extensions;
using Xunit;

namespace Identity.Api.Tests;

public sealed class KeyStoreTests
{
    [Fact]
    public void A_persisted_key_is_loaded_back_with_the_same_key_id_so_tokens_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "identity-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var created = KeyStore.LoadOrCreate(directory, "signing");
            var loaded = KeyStore.LoadOrCreate(directory, "signing");
            var other = KeyStore.LoadOrCreate(directory, "encryption");

            Assert.Equal(created.KeyId, loaded.KeyId);
            Assert.NotEqual(created.KeyId, other.KeyId);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "signing.pem")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
