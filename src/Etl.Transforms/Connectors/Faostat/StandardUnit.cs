namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>A FAOSTAT unit in its standard form: the unit and the factor that converts a value into it.</summary>
public readonly record struct StandardUnit(string Unit, double Factor);
