using Matchmaking.Matching.Apis;
using Matchmaking.Matching.Extensions;
using Matchmaking.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapMatchesApi();
app.MapPartnershipsApi();
app.MapNotificationsApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program { }
