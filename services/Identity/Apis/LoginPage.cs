using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Identity.Apis;

/// <summary>A minimal, dependency-free HTML login page, Vietnamese first with English beneath.</summary>
internal static class LoginPage
{
    public const string MissingFields = "Vui lòng nhập email và mật khẩu. / Please enter your email and password.";
    public const string WrongCredentials = "Email hoặc mật khẩu không đúng. / Wrong email or password.";
    public const string LockedOut = "Tài khoản tạm khoá do đăng nhập sai nhiều lần. / Too many failed attempts; try again later.";

    public static ContentHttpResult Render(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        NoCaching(http);
        var e = HtmlEncoder.Default;
        var errorHtml = error is null ? "" : $"""<p class="error" role="alert">{e.Encode(error)}</p>""";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Đăng nhập – Green Link</title>
              <style>
                body { font-family: system-ui, sans-serif; background: #f2f7f2; display: grid; place-items: center; min-height: 100vh; margin: 0; }
                form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 8px #0002; width: min(22rem, 90vw); }
                label { display: block; margin-top: 1rem; } small { color: #666; }
                input { width: 100%; padding: .5rem; box-sizing: border-box; }
                button { margin-top: 1.5rem; width: 100%; padding: .6rem; background: #2e7d32; color: #fff; border: 0; border-radius: 4px; }
                .error { color: #b71c1c; }
              </style>
            </head>
            <body>
              <form method="post" action="/account/login">
                <h1>Đăng nhập <small>Sign in</small></h1>
                <p>Mạng lưới sản xuất và tiêu dùng bền vững Hà Nội</p>
                {{errorHtml}}
                <input type="hidden" name="{{e.Encode(tokens.FormFieldName)}}" value="{{e.Encode(tokens.RequestToken ?? "")}}">
                <input type="hidden" name="ReturnUrl" value="{{e.Encode(returnUrl ?? "")}}">
                <label for="email">Email</label>
                <input id="email" name="Email" type="email" autocomplete="username" required autofocus>
                <label for="password">Mật khẩu <small>Password</small></label>
                <input id="password" name="Password" type="password" autocomplete="current-password" required>
                <button type="submit">Đăng nhập</button>
              </form>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    public static ContentHttpResult SignedIn() => TypedResults.Content(
        """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Green Link</title></head><body><p>Đã đăng nhập. / You are signed in.</p></body></html>""",
        "text/html; charset=utf-8");

    // The page holds an anti-forgery token and must never be framed (clickjacking) or cached.
    private static void NoCaching(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
    }
}
