using System.Text.Json;

namespace Inbox.Gateway.Tests;

public sealed class OpenApiTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task The_openapi_document_describes_every_rest_endpoint()
    {
        using var http = new HttpClient { BaseAddress = fixture.System.GatewayUrl };
        using var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths");
        string[] Methods(string path) => [.. paths.GetProperty(path).EnumerateObject().Select(p => p.Name).Order()];

        Assert.Equal(["delete", "get", "post"], Methods("/api/v1/session"));
        Assert.Equal(["get"], Methods("/api/v1/conversations"));
        Assert.Equal(["get"], Methods("/api/v1/conversations/{conversationId}"));
        Assert.Equal(["get", "post"], Methods("/api/v1/conversations/{conversationId}/messages"));
    }
}
