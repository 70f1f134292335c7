namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>A row of a sheet or CSV: its 1-based number and its cells by column (A = 0), as text ("" when blank).</summary>
public sealed record TableRow(long Line, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column < Cells.Count ? Cells[column] : "";
}
