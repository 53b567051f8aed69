using Matchmaking.ServiceDefaults;

namespace Matchmaking.ContractSigning.Services;

/// <summary>Base64 fields of requests, decoded with a 400 naming the field rather than a 500.</summary>
public static class Base64
{
    public static byte[] Decode(string text, string field)
    {
        var buffer = new byte[text.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written) || written == 0)
            throw new DomainValidationException(field, "The value is not base64.");
        return buffer[..written];
    }
}
