namespace ClusterEtl.Transforms.Warehouse;

/// <summary>The models computed in C# (<see cref="IComputedModel"/>), by the name their config line gives.</summary>
public static class ComputedModels
{
    static readonly Dictionary<string, IComputedModel> ByName = new IComputedModel[] { new EconomicComplexityModel(), new ProductProximityModel() }
        .ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static IComputedModel? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>CREATE TABLE text of the computed model's table.</summary>
    public static string CreateTable(IComputedModel model, string table) =>
        $"CREATE TABLE {table} ({string.Join(", ", model.Columns.Select(col => $"{col.Name} {col.Type}"))})";
}
