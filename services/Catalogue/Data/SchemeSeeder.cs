using System.Text.Json;
using System.Text.Json.Serialization;
using Matchmaking.Catalogue.Model;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Catalogue.Data;

/// <summary>
/// Upserts the certification schemes carried in the assembly on every start, so a corrected reference file
/// reaches the database with the next deployment. Schemes are never deleted: certificates refer to them.
/// </summary>
public static class SchemeSeeder
{
    private const string Resource = "Matchmaking.Catalogue.certification-schemes.json";

    public static async Task SeedAsync(CatalogueDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var existing = await db.Schemes.ToDictionaryAsync(s => s.Code, ct);
        foreach (var s in Load())
        {
            if (!existing.TryGetValue(s.Code, out var scheme))
            {
                scheme = new CertificationScheme { Code = s.Code, Name = s.Name };
                db.Schemes.Add(scheme);
            }
            scheme.Name = s.Name;
            scheme.Basis = s.Basis;
            scheme.Subject = s.Subject;
            scheme.Issuer = s.Issuer;
            scheme.Levels = s.Levels ?? [];
            scheme.ValidityMonths = s.ValidityMonths;
            scheme.NumberPatterns = s.NumberPatterns ?? [];
            scheme.Notes = s.Notes;
        }
        await db.SaveChangesAsync(ct);
    }

    internal static IReadOnlyList<SchemeEntry> Load()
    {
        using var stream = typeof(SchemeSeeder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing");
        var file = JsonSerializer.Deserialize<SchemeFile>(stream, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
            ?? throw new InvalidOperationException($"{Resource} is empty");
        return file.Schemes;
    }

    internal sealed record SchemeFile(IReadOnlyList<SchemeEntry> Schemes);

    internal sealed record SchemeEntry(
        string Code, string Name, string? Basis, string? Subject, List<string>? Levels, string? Issuer,
        int? ValidityMonths, [property: JsonPropertyName("number_patterns")] Dictionary<string, string>? NumberPatterns, string? Notes);
}
