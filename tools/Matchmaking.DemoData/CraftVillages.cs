using System.Text.Json;

namespace Matchmaking.DemoData;

public sealed record CraftVillage(string Name, string Commune, string District, string Province, double Lat, double Lon, string[] Crafts);

/// <summary>The programme's reference places, carried into the project from ../shared/data/craft-villages.json.</summary>
public static class CraftVillages
{
    public static readonly IReadOnlyDictionary<string, CraftVillage> ByName = Load();

    private static Dictionary<string, CraftVillage> Load()
    {
        using var stream = typeof(CraftVillages).Assembly.GetManifestResourceStream("craft-villages.json")!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("villages")
            .Deserialize<CraftVillage[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .ToDictionary(v => v.Name);
    }
}
