using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Matchmaking.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Matchmaking.Gateway.Extensions;

public static class GatewayExtensions
{
    public const string RateLimitPolicy = "per-client";
    public const string SignedInPolicy = "signed-in";

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();

        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            // Long search URLs must reach the catalogue, which answers an over-long query with a 400 naming the field,
            // rather than stop here with a bare 414. Same limit as the catalogue's.
            k.Limits.MaxRequestLineSize = 128 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 160 * 1024;
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SignedInPolicy, p => p.RequireAuthenticatedUser());
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = options.RateLimitWindow,
                QueueLimit = 0,
            }));
            limiter.OnRejected = OnRejectedAsync;
        });
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        return builder;
    }

    /// <summary>Signed-in callers are limited per subject, so one office behind a shared IP does not starve its colleagues.</summary>
    private static string ClientKey(HttpContext context) =>
        context.User.FindFirstValue(PlatformClaims.Subject) is { } sub
            ? "sub:" + sub
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Retry after {seconds} s.",
            },
        });
    }

    /// <summary>Refuses an announced oversized body at once with a problem response; Kestrel's limit still catches chunked ones.</summary>
    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request body is too large.",
                        Detail = $"At most {limit} bytes are accepted.",
                    },
                });
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>One interactive reference at /scalar over every service's OpenAPI document, each proxied at /openapi/{service}.json.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        var documents = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.ApiDocuments;
        app.MapScalarApiReference("/scalar", o =>
        {
            o.WithTitle("Green Link API");
            o.WithOpenApiRoutePattern("/openapi/{documentName}.json");
            foreach (var document in documents) o.AddDocument(document);
        });
        return app;
    }
}
