using System.Text.Json.Nodes;

namespace Inbox.Simulator.Platforms;

/// <summary>
/// Profile APIs of the platforms whose webhooks carry no names: Messenger's and Instagram's User Profile API and LINE's
/// get-profile, with a picture URL served here. A customer without a profile gets the platform's "no profile" answer; a
/// revoked token gets the platform's auth error.
/// </summary>
public static class ProfileApi
{
    /// <summary>Every simulated profile picture: the smallest valid PNG, so a browser can show it.</summary>
    public static readonly byte[] Picture = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    internal static void Map(IEndpointRouteBuilder app)
    {
        foreach (var platform in new[] { "messenger", "instagram" })
        {
            app.MapGet($"/{platform}/{{version}}/{{userId}}", (HttpContext http, string userId, SimulatorState state) =>
            {
                if (string.IsNullOrEmpty(http.Request.Query["access_token"]))
                {
                    return Results.Json(GraphError(190, null, "An active access token must be used to query information about the current user."), statusCode: 400);
                }

                if (state.IsRevoked(platform, http.Request.Query["access_token"]))
                {
                    return Results.Json(GraphError(190, 463, "Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT."), statusCode: 400);
                }

                if (state.ProfileName(platform, userId) is not { } name)
                {
                    return Results.Json(GraphError(100, 2018218, "No profile available for this user."), statusCode: 400);
                }

                var picture = PictureUrl(http, platform, userId);
                var parts = name.Split(' ', 2);
                return Results.Json(platform == "instagram"
                    ? new JsonObject { ["name"] = name, ["username"] = name.ToLowerInvariant().Replace(' ', '_'), ["profile_pic"] = picture, ["id"] = userId }
                    : new JsonObject { ["first_name"] = parts[0], ["last_name"] = parts.Length > 1 ? parts[1] : "", ["profile_pic"] = picture, ["id"] = userId });
            });
        }

        app.MapGet("/line/v2/bot/profile/{userId}", (HttpContext http, string userId, SimulatorState state) =>
            Exchange.BearerOf(http) is not { } bearer || state.IsRevoked("line", bearer)
                ? Results.Json(new JsonObject { ["message"] = "Authentication failed. Confirm that the access token in the authorization header is valid." }, statusCode: 401)
                : state.ProfileName("line", userId) is { } name
                    ? Results.Json(new JsonObject { ["displayName"] = name, ["userId"] = userId, ["pictureUrl"] = PictureUrl(http, "line", userId), ["language"] = "en" })
                    : Results.Json(new JsonObject { ["message"] = "Not found" }, statusCode: 404));

        // Telegram: the newest profile photo in its sizes; getFile then serves it like any other file.
        app.MapGet("/telegram/{bot}/getUserProfilePhotos", (string bot, string? user_id, SimulatorState state) =>
        {
            if (bot.StartsWith("bot", StringComparison.Ordinal) && state.IsRevoked("telegram", bot[3..]))
            {
                return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" }, statusCode: 401);
            }

            if (!bot.StartsWith("bot", StringComparison.Ordinal) || user_id is null)
            {
                return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 400, ["description"] = "Bad Request: user not found" }, statusCode: 400);
            }

            var photos = new JsonArray();
            if (state.ProfileName("telegram", user_id) is not null)
            {
                var fileId = "avatar" + user_id;
                state.AddMedia("telegram", fileId, new SimulatedFile(Picture, "image/png", null));
                photos.Add(new JsonArray(
                    new JsonObject { ["file_id"] = fileId + "_s", ["file_unique_id"] = "AQADa" + user_id, ["file_size"] = Picture.Length, ["width"] = 160, ["height"] = 160 },
                    new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "AQADb" + user_id, ["file_size"] = Picture.Length, ["width"] = 640, ["height"] = 640 }));
            }

            return Results.Json(new JsonObject { ["ok"] = true, ["result"] = new JsonObject { ["total_count"] = photos.Count, ["photos"] = photos } });
        });

        app.MapGet("/avatars/{platform}/{userId}", () => Results.Bytes(Picture, "image/png"));
    }

    private static string PictureUrl(HttpContext http, string platform, string userId) =>
        $"{http.Request.Scheme}://{http.Request.Host}/avatars/{platform}/{Uri.EscapeDataString(userId)}";

    private static JsonObject GraphError(int code, int? subcode, string message)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = code, ["fbtrace_id"] = "SimProfile" };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }

        return new JsonObject { ["error"] = error };
    }
}
