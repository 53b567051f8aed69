namespace Matchmaking.Matching.Engine;

public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;
    public const double KmPerDegree = 111.19;

    /// <summary>Great-circle distance in km (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double ToRad(double deg) => deg * Math.PI / 180;
        var dLat = ToRad(lat2 - lat1);
        var dLon = ToRad(lon2 - lon1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(ToRad(lat1)) * Math.Cos(ToRad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>A latitude/longitude box that contains every point within <paramref name="km"/>; null longitudes near the poles or the antimeridian.</summary>
    public static (double MinLat, double MaxLat, double? MinLon, double? MaxLon) BoundingBox(double lat, double lon, double km)
    {
        // A little slack, so rounding never drops a point the haversine would keep.
        var dLat = km * 1.01 / KmPerDegree;
        var cos = Math.Cos(lat * Math.PI / 180);
        if (cos < 0.01) return (lat - dLat, lat + dLat, null, null);
        var dLon = km * 1.01 / (KmPerDegree * cos);
        return lon - dLon <= -180 || lon + dLon >= 180 ? (lat - dLat, lat + dLat, null, null) : (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
    }
}
