namespace Inbox.Contracts.Grains;

/// <summary>
/// Grain references by string key: what <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c> returns, without its cost per call.
/// Orleans 10 works out the grain's interface type and grain type again for every reference it makes, reading the
/// interface's attributes by reflection and formatting its name; a profile at half load put 5–8% of the silo's CPU and
/// 4% of the gateway's there (docs/benchmarks.md, eighth pass). Here Orleans works them out once per interface, and the
/// reference is made from the stored pair with the factory's public <c>GetGrain(GrainId, GrainInterfaceType)</c>.
/// </summary>
public static class GrainReferences
{
    /// <summary>The grain of type <typeparamref name="T"/> with <paramref name="key"/>, as <c>GetGrain&lt;T&gt;(key)</c> gives it.</summary>
    public static T Get<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var types = Types<T>.Value ??= Resolve<T>(grains);
        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    // Orleans' own resolution, once: a reference made the usual way carries both types. The grain type an interface
    // maps to comes from the grain classes the process was built with, so it is the same for every factory in it.
    private static ResolvedTypes Resolve<T>(IGrainFactory grains) where T : IGrainWithStringKey
    {
        var reference = (GrainReference)(object)grains.GetGrain<T>("resolve");
        return new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType);
    }

    // A class, so a thread reading it never sees half of a pair another thread is writing.
    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class Types<T>
    {
        public static ResolvedTypes? Value;
    }
}
