namespace Matchmaking.Catalogue.Search;

/// <summary>
/// The explainable sustainability score both adapters rank by, 0..1: packaging, certificates that count today
/// (registry-verified over document-checked over self-declared) and a verified supplier. Pure, so both adapters share it.
/// </summary>
public static class Sustainability
{
    public static double PackagingScore(string packaging) => packaging switch
    {
        "plastic-free" or "reusable" => 1.0,
        "compostable" or "biodegradable" => 0.8,
        "recycled" => 0.6,
        _ => 0.0,
    };

    public static double CredentialScore(IEnumerable<IndexedCertification> certifications, DateOnly today) =>
        Math.Min(1.0, certifications.Where(c => c.CountsOn(today)).Sum(c => c.VerificationState switch
        {
            "registry-verified" => 0.6,
            "document-checked" => 0.45,
            _ => 0.25,
        }));

    public static double Score(SearchDocument d, DateOnly today) =>
        0.4 * PackagingScore(d.Packaging) + 0.45 * CredentialScore(d.Certifications, today) + (d.SupplierVerified ? 0.15 : 0.0);

    public static IReadOnlyList<string> Reasons(SearchDocument d, DateOnly today)
    {
        var reasons = new List<string>();
        if (PackagingScore(d.Packaging) > 0) reasons.Add($"packaging {d.Packaging}");
        foreach (var c in d.Certifications.Where(c => c.CountsOn(today)))
            reasons.Add($"{c.SchemeCode}{(c.Level is null ? "" : " " + c.Level)} valid ({c.VerificationState})");
        if (d.SupplierVerified) reasons.Add("verified supplier");
        return reasons;
    }

    /// <summary>Great-circle distance in km (haversine), the same formula the PostgreSQL adapter uses in SQL.</summary>
    public static double DistanceKm(GeoPoint a, double latitude, double longitude)
    {
        const double R = 6371.0088;
        double ToRad(double deg) => deg * Math.PI / 180;
        var dLat = ToRad(latitude - a.Latitude);
        var dLon = ToRad(longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(ToRad(a.Latitude)) * Math.Cos(ToRad(latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
