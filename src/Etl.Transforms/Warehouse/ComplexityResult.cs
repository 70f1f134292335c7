namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// The economic complexity of one country x product matrix (<see cref="EconomicComplexity.Compute"/>). Arrays are indexed
/// like the matrix: countries <c>c</c>, products <c>p</c>, country-product pairs <c>c * Products + p</c>. NaN where a
/// value is undefined (written as NULL): ECI of a country with diversity 0, PCI, density and COG of a product with
/// ubiquity 0, ECI and PCI when fewer than two countries or products have any presence.
/// </summary>
public sealed record ComplexityResult(int Countries, int Products, int[] Diversity, int[] Ubiquity, double[] Eci, double[] Pci,
    double[] Density, double[] Cog, double[] Coi)
{
    /// <summary>phi_pp' of the matrix, when asked for (tests; the build never keeps the P x P matrix).</summary>
    public double[]? Proximity { get; init; }

    /// <summary>Mean of the raw country eigenvector kc over the long data: ECI = (kc - mean) / sd, PCI = (kp - mean) / sd.</summary>
    public double KcMean { get; init; } = double.NaN;

    /// <summary>Standard deviation (n - 1) of kc over the long data (NaN when ECI is undefined).</summary>
    public double KcSd { get; init; } = double.NaN;
}
