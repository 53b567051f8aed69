using Matchmaking.Catalogue.Apis;
using Matchmaking.Catalogue.Extensions;
using Matchmaking.Catalogue.Search;
using Matchmaking.Catalogue.Services;
using Matchmaking.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
if (await app.TryRunSearchCommandAsync(args)) return; // `rebuild-search-index`: rebuild and exit
if (await app.TryRunReplayCommandAsync(args)) return; // `replay-published-products`: re-announce and exit

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapReferenceApi();
app.MapSuppliersApi();
app.MapSitesApi();
app.MapCertificatesApi();
app.MapProductsApi();
app.MapSearchApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program { }
