using Matchmaking.ContractSigning.Apis;
using Matchmaking.ContractSigning.Extensions;
using Matchmaking.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapAgreementsApi();
app.MapCertificatesApi();
app.MapVerificationApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program { }
