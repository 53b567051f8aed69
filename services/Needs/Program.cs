using Matchmaking.Needs.Apis;
using Matchmaking.Needs.Extensions;
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
app.MapRetailersApi();
app.MapLocationsApi();
app.MapNeedsApi();
app.MapShortlistApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program { }
