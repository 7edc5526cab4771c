namespace Inbox.Testing;

/// <summary>Finds the repository's folders from wherever a test runs.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inbox.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Inbox.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>The folder that holds Inbox.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The build configuration the tests were built in (Debug or Release); the processes under test share it.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>The built entry assembly of a project under <c>src/</c>, e.g. <c>Silo</c> → <c>src/Silo/bin/Debug/net10.0/Inbox.Silo.dll</c>.</summary>
    public static string ProjectAssembly(string project) =>
        Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", $"Inbox.{project}.dll");

    /// <summary>A project's folder under <c>src/</c> (its content root).</summary>
    public static string ProjectDirectory(string project) => Path.Combine(Root, "src", project);

    /// <summary>A folder for files a test leaves for people to look at (screenshots, logs); kept after the run.</summary>
    public static string ArtifactsDirectory(string kind)
    {
        var path = Path.Combine(Root, "artifacts", "tests", kind);
        Directory.CreateDirectory(path);
        return path;
    }
}
