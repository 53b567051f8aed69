using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Extensions;
using Matchmaking.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapReferenceApi();
app.MapSuppliersApi();
app.MapSitesApi();
app.MapCertificatesApi();
app.MapProductsApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program { }
