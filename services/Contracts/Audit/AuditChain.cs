using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Matchmaking.ContractSigning.Model;

namespace Matchmaking.ContractSigning.Audit;

/// <summary>
/// The hash of an audit entry: SHA-256 over a canonical JSON array of everything the entry says and the hash before it,
/// so changing, removing or reordering any entry breaks the chain from that entry on. Canonical means: fixed field order,
/// times as UTC ISO 8601 to the microsecond (all PostgreSQL keeps), details sorted by key, no whitespace.
/// </summary>
public static class AuditChain
{
    public static string Hash(Guid agreementId, long sequence, DateTimeOffset occurredAt, string action, Guid? actorUserId, Guid? actorOrganisationId,
        int version, IReadOnlyDictionary<string, string> details, string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(agreementId.ToString("D"));
            json.WriteNumberValue(sequence);
            json.WriteStringValue(occurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(action);
            WriteGuid(json, actorUserId);
            WriteGuid(json, actorOrganisationId);
            json.WriteNumberValue(version);
            json.WriteStartObject();
            foreach (var (key, value) in details.OrderBy(d => d.Key, StringComparer.Ordinal)) json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteStringValue(previousHash);
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public static string Hash(AuditEntry e) =>
        Hash(e.AgreementId, e.Sequence, e.OccurredAt, e.Action, e.ActorUserId, e.ActorOrganisationId, e.Version, e.Details, e.PreviousHash);

    /// <summary>Walks the chain from the first entry; the first entry that does not follow from the one before is the broken link.</summary>
    public static ChainVerification Verify(IReadOnlyList<AuditEntry> entries, long headSequence, string headHash)
    {
        var previous = Agreement.GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var expected = i + 1;
            if (entry.Sequence != expected)
                return ChainVerification.Broken(entries.Count, Math.Min(entry.Sequence, expected), $"Entry {expected} is missing: the next entry is {entry.Sequence}.");
            if (entry.PreviousHash != previous)
                return ChainVerification.Broken(entries.Count, entry.Sequence, "The entry does not name the hash of the entry before it.");
            if (Hash(entry) != entry.Hash)
                return ChainVerification.Broken(entries.Count, entry.Sequence, "The entry's contents do not match its hash: it was changed after it was written.");
            previous = entry.Hash;
        }
        // The agreement row records the last sequence and hash, so entries cut off the end are noticed too.
        if (entries.Count < headSequence)
            return ChainVerification.Broken(entries.Count, entries.Count + 1, $"The trail ends at entry {entries.Count}, but the agreement records {headSequence} entries.");
        if (entries.Count > headSequence || previous != headHash)
            return ChainVerification.Broken(entries.Count, entries.Count, "The last entry is not the one the agreement records as the head of its trail.");
        return new ChainVerification(true, entries.Count, null);
    }

    private static void WriteGuid(Utf8JsonWriter json, Guid? value)
    {
        if (value is { } id) json.WriteStringValue(id.ToString("D"));
        else json.WriteNullValue();
    }
}

public sealed record ChainVerification(bool Intact, int Entries, BrokenLink? FirstBrokenLink)
{
    public static ChainVerification Broken(int entries, long sequence, string reason) => new(false, entries, new BrokenLink(sequence, reason));
}

public sealed record BrokenLink(long Sequence, string Reason);
