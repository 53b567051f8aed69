using System.Text.Json;

namespace Matchmaking.TestSupport;

/// <summary>The JSON options the services use (camelCase, kebab-case enums), for reading their responses in tests.</summary>
public static class ServiceJson
{
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceDefaults.Extensions.ConfigureJson(options);
        return options;
    }
}
