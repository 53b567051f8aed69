using System.Diagnostics;

namespace Matchmaking.TestSupport;

/// <summary>
/// The OpenSSL command line, run for real: the point of a CMS signature is that anyone can check it without the platform.
/// (scripts/infra.sh installs openssl.)
/// </summary>
public static class OpenSsl
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>`openssl cms -verify` of a detached DER signature over <paramref name="content"/>, trusting only <paramref name="caFile"/>.</summary>
    public static Task<Result> VerifyDetachedAsync(string signature, string content, string caFile, string? workingDirectory = null) =>
        RunAsync(workingDirectory, "cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content", content,
            "-CAfile", caFile, "-purpose", "any", "-out", "/dev/null");

    public static async Task<Result> RunAsync(string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}
