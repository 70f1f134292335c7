using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>The columns of an area, prefixed (<c>area_</c>, <c>reporter_</c>, <c>partner_</c>).</summary>
sealed class AreaColumns(string prefix, string nameColumn)
{
    public readonly NullableInt32Column CodeFao = new(prefix + "code_fao");
    public readonly StringColumn CodeM49 = new(prefix + "code_m49", true);
    public readonly StringColumn Name = new(nameColumn, false);
    public readonly StringColumn Entity = new(prefix + "entity", true);
    public readonly StringColumn Iso3 = new(prefix + "iso3", true);
    public readonly BooleanColumn IsAggregate = new(prefix + "is_aggregate");

    public ParquetColumn[] All => [CodeFao, CodeM49, Name, Entity, Iso3, IsAggregate];

    public void Set(int i, FaoArea a)
    {
        CodeFao.Set(i, a.CodeFao);
        CodeM49.Set(i, a.CodeM49);
        Name.Set(i, a.Name);
        Entity.Set(i, a.Entity);
        Iso3.Set(i, a.Iso3);
        IsAggregate.Set(i, a.IsAggregate);
    }
}
