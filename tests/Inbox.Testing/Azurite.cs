using System.Net.Sockets;

namespace Inbox.Testing;

/// <summary>
/// A private Azurite (real Azure Storage emulator, from the repo's npm install) on free loopback ports with its own
/// data folder, so tests never share storage with each other or with a running demo.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ServiceProcess _process;
    private readonly string _dataDirectory;

    private Azurite(ServiceProcess process, string dataDirectory, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
        TablePort = tablePort;
    }

    /// <summary>A connection string for all three services.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Where the processes using this storage keep their Data Protection certificate (created on first use and deleted
    /// with the storage): the key ring in blob storage is encrypted with it.
    /// </summary>
    public string DataProtectionCertificatePath => Path.Combine(_dataDirectory, "dataprotection.pfx");

    private int TablePort { get; }

    /// <summary>
    /// Starts a private Azurite on free ports. <paramref name="inMemory"/> keeps its data in memory only (no periodic
    /// saves of the whole database to disk, whose pauses grow with the data): what the benchmarks use.
    /// <paramref name="environment"/> is added to its process's environment (the benchmarks preload a monitor with it).
    /// </summary>
    public static async Task<Azurite> StartAsync(bool inMemory = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var executable = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: run 'npm ci' in {RepoPaths.Root} (./test.sh does).");
        }

        var data = Directory.CreateTempSubdirectory("inbox-azurite-").FullName;
        return await ServiceProcess.StartOnFreePortsAsync(async () =>
        {
            var (blob, queue, table) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
            var process = ServiceProcess.Start(
                "azurite",
                executable,
                [
                    "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                    "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                    "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}",
                    .. (inMemory ? (string[])["--inMemoryPersistence"] : ["--location", data]),
                ],
                data,
                environment ?? new Dictionary<string, string>());
            var azurite = new Azurite(process, data, blob, queue, table);
            await process.WaitUntilAsync(azurite.IsListeningAsync, TimeSpan.FromSeconds(30));
            return azurite;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS eventually.
        }
    }

    private async Task<bool> IsListeningAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", TablePort);
        return true;
    }
}
