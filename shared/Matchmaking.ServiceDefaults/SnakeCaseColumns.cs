using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.ServiceDefaults;

public static class SnakeCaseColumns
{
    /// <summary>
    /// Names every column not named explicitly in snake_case (UnitPriceVnd becomes unit_price_vnd), for services that also
    /// write raw SQL: one convention keeps the SQL and the model in step. Call last in OnModelCreating.
    /// </summary>
    public static ModelBuilder UseSnakeCaseColumns(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                if (property.GetColumnName() == property.Name) property.SetColumnName(ToSnakeCase(property.Name));
        return modelBuilder;
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }
}
