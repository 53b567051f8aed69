using Matchmaking.Identity.Apis;
using Matchmaking.Identity.Extensions;
using Matchmaking.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapConnectApi();
app.MapAccountApi();
app.MapOrganisationsApi();
app.MapMembersApi();
app.MapMeApi();
app.MapSignatureActivationApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program { }
