using Matchmaking.Gateway.Extensions;
using Matchmaking.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultAuthentication();
builder.AddGatewayServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseRequestBodyLimit();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapApiReference();
app.MapReverseProxy();
app.MapFallbackToFile("/signin-callback", "index.html"); // the portal completes its sign-in on its own page

app.Run();

public partial class Program { }
