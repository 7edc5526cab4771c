using System.Collections.Concurrent;
using System.Diagnostics;

namespace Inbox.Testing;

/// <summary>
/// A real process under test (Azurite, a silo, a gateway): started with its own environment, its output kept for the
/// failure message and written to a log under artifacts/tests/logs, stopped gracefully (SIGTERM) and then by force.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    // Processes still running when the test host exits (a test that never disposed, a cancelled run) are killed
    // then, so no emulator or silo outlives the run.
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static ServiceProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    };

    // How often readiness is probed while waiting on it; not a fixed wait.
    private static readonly TimeSpan ReadinessPoll = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly StreamWriter _log;
    private int _disposed;

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        var logPath = Path.Combine(RepoPaths.ArtifactsDirectory("logs"), $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}.log");
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's id of the process (benchmarks read its heap through it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string Tail => string.Join(Environment.NewLine, _tail);

    public static ServiceProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Starts a built .NET project under <c>src/</c> with its folder as content root.</summary>
    public static ServiceProcess StartProject(string project, IReadOnlyDictionary<string, string> environment)
    {
        var assembly = RepoPaths.ProjectAssembly(project);
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build the solution first (./test.sh does).");
        }

        return Start(project.ToLowerInvariant(), "dotnet", [assembly], RepoPaths.ProjectDirectory(project), environment);
    }

    /// <summary>
    /// Runs <paramref name="start"/>, which picks free ports, starts processes on them and waits until they are ready,
    /// and runs it again (up to three times in all) if a process exited with "address already in use": a port picked
    /// free can be taken by another process (a parallel test assembly) before ours binds it. <paramref name="start"/>
    /// picks its ports afresh on every call and disposes what it started when it fails.
    /// </summary>
    public static async Task<T> StartOnFreePortsAsync<T>(Func<Task<T>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start();
            }
            catch (InvalidOperationException e) when (attempt < 3 && IsPortTaken(e))
            {
                // Other ports next time.
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="ready"/> returns true, failing early with the output if the process dies. A process
    /// that does not become ready is stopped before the failure is thrown, so the caller (or a start on other ports,
    /// <see cref="StartOnFreePortsAsync"/>) has nothing left to clean up.
    /// </summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout)
    {
        try
        {
            await PollUntilAsync(ready, timeout);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until GET <paramref name="url"/> answers 200.</summary>
    public async Task WaitForHttpAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await WaitUntilAsync(async () => (await http.GetAsync(url)).IsSuccessStatusCode, timeout);
    }

    /// <summary>Asks the process to stop (SIGTERM), as Ctrl-C or an orchestrator would, and kills it if it will not.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the process; a second call (after a failed start stopped it already) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Running.TryRemove(_process.Id, out _);
            _process.Dispose();
            await _log.DisposeAsync();
        }
    }

    private async Task PollUntilAsync(Func<Task<bool>> ready, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{Tail}");
            }

            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(ReadinessPoll);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:{Environment.NewLine}{Tail}");
    }

    // Kestrel and Orleans say "address already in use"; Node (Azurite) says "EADDRINUSE: address already in use".
    private static bool IsPortTaken(InvalidOperationException e) =>
        e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("EADDRINUSE", StringComparison.Ordinal);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > 80 && _tail.TryDequeue(out _))
        {
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }
    }
}
