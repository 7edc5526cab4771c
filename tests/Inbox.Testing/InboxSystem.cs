using Inbox.Contracts.Users;

namespace Inbox.Testing;

/// <summary>
/// The real thing on this machine: a private Azurite, a silo process and a gateway process (Azure Table clustering
/// unless asked otherwise, the demo organisation seeded), on free ports. Tests talk to it over HTTP and SignalR like any client.
/// </summary>
public sealed class InboxSystem : IAsyncDisposable
{
    /// <summary>The seeded demo organisation and its web-chat channel's public token.</summary>
    public const string OrganisationId = "demo";
    public const string WebsiteToken = "demo-website-token";
    public const string AgentEmail = "agent@acme.test";
    public const string AgentPassword = "demo-agent";
    public const string SupervisorEmail = "supervisor@acme.test";
    public const string SupervisorPassword = "demo-supervisor";
    public const string AdminEmail = "admin@acme.test";
    public const string AdminPassword = "demo-admin";

    /// <summary>A second organisation on the same cluster, seeded with its own admin and web-chat channel.</summary>
    public const string OtherOrganisationId = "globex";
    public const string OtherWebsiteToken = "globex-website-token";
    public const string OtherAdminEmail = "admin@globex.test";
    public const string OtherAdminPassword = "globex-admin";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, string> _siloEnvironment;
    private readonly int _siloHttpPort;

    private Dictionary<string, string> _gatewayEnvironment = [];

    private InboxSystem(Azurite azurite, PlatformSimulator simulator, ServiceProcess silo, ServiceProcess gateway, Dictionary<string, string> siloEnvironment, int siloHttpPort, Uri gatewayUrl)
    {
        Azurite = azurite;
        Simulator = simulator;
        Silo = silo;
        Gateway = gateway;
        _siloEnvironment = siloEnvironment;
        _siloHttpPort = siloHttpPort;
        GatewayUrl = gatewayUrl;
    }

    public Azurite Azurite { get; }

    /// <summary>The messaging platforms' APIs, which the silo sends through.</summary>
    public PlatformSimulator Simulator { get; }

    public ServiceProcess Silo { get; private set; }

    public ServiceProcess Gateway { get; }

    /// <summary>The gateway's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri GatewayUrl { get; }

    /// <summary>
    /// Starts the system; <paramref name="clustering"/> is <c>AzureTable</c> (as deployed) or <c>Localhost</c>;
    /// <paramref name="gatewaySettings"/> are extra gateway settings (environment variable names);
    /// <paramref name="inMemoryStorage"/> runs Azurite without disk persistence and <paramref name="storageEnvironment"/> is
    /// added to its environment (see <see cref="Azurite.StartAsync"/>).
    /// </summary>
    public static async Task<InboxSystem> StartAsync(
        string clustering = "AzureTable",
        IReadOnlyDictionary<string, string>? gatewaySettings = null,
        bool inMemoryStorage = false,
        IReadOnlyDictionary<string, string>? storageEnvironment = null)
    {
        var azurite = await Azurite.StartAsync(inMemoryStorage, storageEnvironment);
        var simulator = await PlatformSimulator.StartAsync();
        try
        {
            return await StartProcessesAsync(azurite, simulator, clustering, gatewaySettings);
        }
        catch
        {
            await simulator.DisposeAsync();
            await azurite.DisposeAsync();
            throw;
        }
    }

    private static async Task<InboxSystem> StartProcessesAsync(Azurite azurite, PlatformSimulator simulator, string clustering, IReadOnlyDictionary<string, string>? gatewaySettings) =>
        await ServiceProcess.StartOnFreePortsAsync(async () =>
        {
            var (siloPort, gatewayPort, siloHttpPort, gatewayHttpPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
            var cluster = new Dictionary<string, string>
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Inbox__Storage__ConnectionString"] = azurite.ConnectionString,
                ["Inbox__DataProtection__CertificatePath"] = azurite.DataProtectionCertificatePath,
                ["Inbox__DataProtection__CreateCertificateIfMissing"] = "true",
                ["Inbox__Cluster__Mode"] = clustering,
                ["Inbox__Cluster__ClusterId"] = "test",
                ["Inbox__Cluster__ServiceId"] = "test",
                ["Inbox__Cluster__SiloPort"] = $"{siloPort}",
                ["Inbox__Cluster__GatewayPort"] = $"{gatewayPort}",
            };
            var siloEnvironment = new Dictionary<string, string>(cluster)
            {
                ["Urls"] = $"http://127.0.0.1:{siloHttpPort}",
                ["Inbox__Seed__Enabled"] = "true",
                ["Inbox__Seed__Organisations__1__OrganisationId"] = OtherOrganisationId,
                ["Inbox__Seed__Organisations__1__Name"] = "Globex",
                ["Inbox__Seed__Organisations__1__WebChat__0__ChannelId"] = "web",
                ["Inbox__Seed__Organisations__1__WebChat__0__Name"] = "Globex website",
                ["Inbox__Seed__Organisations__1__WebChat__0__WebsiteToken"] = OtherWebsiteToken,
                ["Inbox__Seed__Organisations__1__Users__0__UserId"] = "u_admin",
                ["Inbox__Seed__Organisations__1__Users__0__Name"] = "Olga Admin",
                ["Inbox__Seed__Organisations__1__Users__0__Email"] = OtherAdminEmail,
                ["Inbox__Seed__Organisations__1__Users__0__Role"] = "Admin",
                ["Inbox__Seed__Organisations__1__Users__0__Password"] = OtherAdminPassword,
                ["Inbox__Seed__Organisations__1__Users__0__Channels__0"] = "web",
            };
            siloEnvironment["Inbox__Channels__PublicMediaUrl"] = $"http://127.0.0.1:{gatewayHttpPort}/";
            foreach (var (name, value) in simulator.SiloSettings)
            {
                siloEnvironment[name] = value;
            }

            var gatewayUrl = new Uri($"http://127.0.0.1:{gatewayHttpPort}/");
            var gatewayEnvironment = new Dictionary<string, string>(cluster)
            {
                ["Urls"] = gatewayUrl.ToString().TrimEnd('/'),

                // Every test signs in from 127.0.0.1; the abuse limits have their own tests with small limits.
                ["Inbox__RateLimits__SignInPerMinute"] = "10000",
                ["Inbox__RateLimits__WidgetConnectionsPerMinute"] = "10000",
            };
            foreach (var (name, value) in gatewaySettings ?? new Dictionary<string, string>())
            {
                gatewayEnvironment[name] = value;
            }

            // The silo's ports and the gateway's are picked together (the silo links media to the gateway's address),
            // so a port taken before either binds it starts both again on new ones.
            var silo = await StartSiloAsync(siloEnvironment, siloHttpPort);
            try
            {
                var gateway = await StartGatewayAsync(gatewayEnvironment, gatewayUrl);
                return new InboxSystem(azurite, simulator, silo, gateway, siloEnvironment, siloHttpPort, gatewayUrl) { _gatewayEnvironment = gatewayEnvironment };
            }
            catch
            {
                await silo.DisposeAsync();
                throw;
            }
        });

    /// <summary>Starts one more gateway on the same cluster and storage, as scaling out does; the caller disposes it.</summary>
    public async Task<(ServiceProcess Gateway, Uri Url)> StartAnotherGatewayAsync() => await ServiceProcess.StartOnFreePortsAsync(async () =>
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        return (await StartGatewayAsync(new Dictionary<string, string>(_gatewayEnvironment) { ["Urls"] = url.ToString().TrimEnd('/') }, url), url);
    });

    /// <summary>Stops the silo gracefully and starts it again on the same ports and storage.</summary>
    public async Task RestartSiloAsync()
    {
        await Silo.DisposeAsync();
        Silo = await StartSiloAsync(_siloEnvironment, _siloHttpPort);
    }

    /// <summary>An API client for the demo agent, signed in.</summary>
    public async Task<InboxApi> SignInAgentAsync() => await InboxApi.SignInAsync(GatewayUrl, AgentEmail, AgentPassword);

    /// <summary>Accepts an invitation with a chosen password, as the invitee does (no session).</summary>
    public async Task<UserProfile> AcceptInvitationAsync(string token, string password) => await InboxApi.AcceptInvitationAsync(GatewayUrl, token, password);

    /// <summary>An API client for any user, signed in.</summary>
    public async Task<InboxApi> SignInAsync(string email, string password) => await InboxApi.SignInAsync(GatewayUrl, email, password);

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Silo.DisposeAsync();
        await Simulator.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private static async Task<ServiceProcess> StartSiloAsync(Dictionary<string, string> environment, int httpPort) =>
        await StartReadyAsync("Silo", environment, new Uri($"http://127.0.0.1:{httpPort}/health/ready"));

    private static async Task<ServiceProcess> StartGatewayAsync(Dictionary<string, string> environment, Uri url) =>
        await StartReadyAsync("Gateway", environment, new Uri(url, "health/ready"));

    private static async Task<ServiceProcess> StartReadyAsync(string project, Dictionary<string, string> environment, Uri readiness)
    {
        var process = ServiceProcess.StartProject(project, environment);
        await process.WaitForHttpAsync(readiness, StartTimeout);
        return process;
    }
}
