namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>What every FAOSTAT row carries besides its areas: item, element, time, value, unit, flag, note, provenance.</summary>
public struct FaoMeasure
{
    public string Domain;
    public FaoItem Item;
    public int ElementCode;
    public string Element;
    public int Year;
    public int? Month;
    public string Unit;
    public double? Value;
    public StandardUnit Standard;
    public string Flag;
    public string? FlagMeaning;
    public string? Note;
    public string Layout;
    public string File;
}
