using Matchmaking.Needs.Apis;
using Matchmaking.Needs.Extensions;
using Matchmaking.Needs.Services;
using Matchmaking.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
if (await app.TryRunReplayCommandAsync(args)) return; // `replay-open-needs`: re-announce and exit

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
