namespace Matchmaking.TestSupport;

/// <summary>Polling for effects that arrive through the broker, where there is nothing to await directly.</summary>
public static class Eventually
{
    /// <summary>
    /// Reads until <paramref name="done"/> holds or <paramref name="within"/> (15 s by default) runs out, and returns the
    /// last value read either way, so the test's own assertion reports what was actually seen.
    /// </summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(50);
        }
    }
}
