using ClusterEtl.Transforms.Warehouse;
using Xunit.Abstractions;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>
/// <see cref="EconomicComplexity"/> on matrices small enough to work out by hand (the working is in the comments), the
/// properties the method guarantees on a random matrix, density and COG against a direct (slow) reading of the formulas,
/// and the time of a BACI-sized year.
/// </summary>
public sealed class EconomicComplexityTests
{
    const double Eps = 1e-9;

    static bool[] Matrix(params int[][] rows) => rows.SelectMany(r => r.Select(v => v == 1)).ToArray();

    // The nested 3x3 matrix: countries A, B, C; products 1, 2, 3.
    //   A: 1 1 1      diversity k_c = (3, 2, 1)
    //   B: 1 1 0      ubiquity  k_p = (3, 2, 1)
    //   C: 1 0 0
    // M~ = D^-1 M U^-1 M^T, row A: (1/3)(1/3 + 1/2 + 1) = 11/18, (1/3)(1/3 + 1/2) = 5/18, (1/3)(1/3) = 2/18
    //                       row B: 5/12, 5/12, 2/12;  row C: 1/3, 1/3, 1/3   (rows sum to 1: eigenvalue 1)
    // trace 49/36, det 1/36: the other eigenvalues add to 13/36 and multiply to 1/36, lambda = (13 +- 5) / 72 = 1/4, 1/9.
    // For 1/4, row C: 4 xA + 4 xB + xC = 0, row B: 5 xA + 2 xB + 2 xC = 0  ->  x = (-2, 1, 4).
    // It falls with diversity, so the sign turns: x = (2, -1, -4); mean -1, deviations (3, 0, -3), population sd sqrt(6):
    //   ECI = (3/sqrt6, 0, -3/sqrt6).
    // PCI: y_p = mean of x over the exporters of p: p1 (2 - 1 - 4)/3 = -1, p2 (2 - 1)/2 = 1/2, p3 2; mean 1/2, sd sqrt(1.5):
    //   PCI = (-sqrt1.5, 0, sqrt1.5).
    // Proximity, C = M^T M: C12 = 2, C13 = 1, C23 = 1: phi12 = 2/max(3,2) = 2/3, phi13 = 1/3, phi23 = 1/max(2,1) = 1/2, phi_pp = 1;
    //   row sums 2, 13/6, 11/6.
    // Density d_cp = sum over the country's products p' of phi_pp' / rowsum_p (phi_pp = 1 counts): A (all): 1 everywhere;
    //   B (p1, p2): d_B1 = (1 + 2/3)/2 = 5/6, d_B2 = (2/3 + 1)/(13/6) = 10/13, d_B3 = (1/3 + 1/2)/(11/6) = 5/11;
    //   C (p1): d_C1 = 1/2, d_C2 = (2/3)/(13/6) = 4/13, d_C3 = (1/3)/(11/6) = 2/11.
    // COI: A 0; B d_B3 PCI3 = 5/11 sqrt1.5; C d_C2 PCI2 + d_C3 PCI3 = 2/11 sqrt1.5.
    // COG_cp = (1 - M_cp) sum over the products p' the country lacks of phi_pp' PCI_p' / rowsum_p':
    //   C, p2: phi22 0 / (13/6) + phi23 sqrt1.5 / (11/6) = 3/11 sqrt1.5;  C, p3: phi33 sqrt1.5 / (11/6) = 6/11 sqrt1.5;  B, p3: 6/11 sqrt1.5.
    static readonly bool[] Nested = Matrix([1, 1, 1], [1, 1, 0], [1, 0, 0]);

    [Fact]
    public void The_nested_3x3_matrix_gives_the_values_worked_out_by_hand()
    {
        var r = EconomicComplexity.Compute(Nested, 3, 3, keepProximity: true);
        Assert.Equal([3, 2, 1], r.Diversity);
        Assert.Equal([3, 2, 1], r.Ubiquity);
        AssertClose([3 / Math.Sqrt(6), 0, -3 / Math.Sqrt(6)], r.Eci);
        AssertClose([-Math.Sqrt(1.5), 0, Math.Sqrt(1.5)], r.Pci);
        AssertClose([1, 2.0 / 3, 1.0 / 3, 2.0 / 3, 1, 0.5, 1.0 / 3, 0.5, 1], r.Proximity!);
        AssertClose([1, 1, 1, 5.0 / 6, 10.0 / 13, 5.0 / 11, 0.5, 4.0 / 13, 2.0 / 11], r.Density);
        var s = Math.Sqrt(1.5);
        AssertClose([0, 5.0 / 11 * s, 2.0 / 11 * s], r.Coi);
        AssertClose([0, 0, 0, 0, 0, 6.0 / 11 * s, 0, 3.0 / 11 * s, 6.0 / 11 * s], r.Cog);
    }

    // The same 3x3 inside a 4x4: country D exports but has no RCA >= 1 anywhere, product 4 is exported but nobody has an
    // RCA in it.
    //   A: 1 1 1 0      diversity (3, 2, 1, 0), ubiquity (3, 2, 1, 0)
    //   B: 1 1 0 0
    //   C: 1 0 0 0
    //   D: 0 0 0 0
    // D and product 4 take no part in the eigenvectors (ecomplexity drops them): ECI of A, B, C and PCI of 1, 2, 3 are those
    // of the 3x3, ECI of D and PCI of 4 undefined (NaN, NULL in the mart). Proximity to product 4 is 0 (C_p4 = 0, u_4 = 0),
    // so its density and COG are undefined; D's density in products 1-3 is 0 (it has none of them) and its COG is the sum
    // over all three: COG_Dp = phi_p1 PCI1 / 2 + phi_p2 PCI2 / (13/6) + phi_p3 PCI3 / (11/6), with PCI2 = 0:
    //   p1: -sqrt1.5/2 + (1/3)(6/11) sqrt1.5 = -7/22 sqrt1.5;  p2: (2/3)(-sqrt1.5/2) + (1/2)(6/11) sqrt1.5 = -2/33 sqrt1.5;
    //   p3: (1/3)(-sqrt1.5/2) + (6/11) sqrt1.5 = 25/66 sqrt1.5.  COI_D = 0 (its densities are 0).
    [Fact]
    public void A_country_and_a_product_without_presence_are_dropped_before_the_eigenvectors()
    {
        var r = EconomicComplexity.Compute(Matrix([1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]), 4, 4);
        Assert.Equal([3, 2, 1, 0], r.Diversity);
        Assert.Equal([3, 2, 1, 0], r.Ubiquity);
        AssertClose([3 / Math.Sqrt(6), 0, -3 / Math.Sqrt(6), double.NaN], r.Eci);
        AssertClose([-Math.Sqrt(1.5), 0, Math.Sqrt(1.5), double.NaN], r.Pci);
        AssertClose([0, 0, 0, double.NaN], r.Density[12..16]);
        var s = Math.Sqrt(1.5);
        AssertClose([-7.0 / 22 * s, -2.0 / 33 * s, 25.0 / 66 * s, double.NaN], r.Cog[12..16]);
        Assert.Equal(0, r.Coi[3]);
    }

    // A 4x4 that is not nested:
    //   A: 1 1 1 0    diversity (3, 2, 2, 1)
    //   B: 1 1 0 0    ubiquity  (3, 3, 1, 1)
    //   C: 0 1 0 1
    //   D: 1 0 0 0
    // C = M^T M: C12 = 2 (A, B), C13 = 1 (A), C14 = 0, C23 = 1 (A), C24 = 1 (C), C34 = 0; phi = C / max(u):
    //   phi12 = 2/3, phi13 = 1/3, phi14 = 0, phi23 = 1/3, phi24 = 1/3, phi34 = 0; row sums 2, 7/3, 5/3, 4/3.
    // Density d_cp = sum over the country's products p' of phi_pp' / rowsum_p:
    //   A (p1, p2, p3): (1 + 2/3 + 1/3)/2 = 1, (2/3 + 1 + 1/3)/(7/3) = 6/7, (1/3 + 1/3 + 1)/(5/3) = 1, (1/3)/(4/3) = 1/4
    //   B (p1, p2):     (1 + 2/3)/2 = 5/6, (2/3 + 1)/(7/3) = 5/7, (1/3 + 1/3)/(5/3) = 2/5, (1/3)/(4/3) = 1/4
    //   C (p2, p4):     (2/3)/2 = 1/3, (1 + 1/3)/(7/3) = 4/7, (1/3)/(5/3) = 1/5, (1/3 + 1)/(4/3) = 1
    //   D (p1):         1/2, (2/3)/(7/3) = 2/7, (1/3)/(5/3) = 1/5, 0
    // ECI: mean 0, sd 1, positively correlated with diversity, and an (affine image of an) eigenvector of M~.
    static readonly bool[] Open4 = Matrix([1, 1, 1, 0], [1, 1, 0, 0], [0, 1, 0, 1], [1, 0, 0, 0]);

    [Fact]
    public void The_4x4_matrix_gives_the_proximity_and_density_worked_out_by_hand()
    {
        var r = EconomicComplexity.Compute(Open4, 4, 4, keepProximity: true);
        Assert.Equal([3, 2, 2, 1], r.Diversity);
        Assert.Equal([3, 3, 1, 1], r.Ubiquity);
        AssertClose([1, 2.0 / 3, 1.0 / 3, 0, 2.0 / 3, 1, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1, 0, 0, 1.0 / 3, 0, 1], r.Proximity!);
        AssertClose([1, 6.0 / 7, 1, 0.25], r.Density[0..4]);
        AssertClose([5.0 / 6, 5.0 / 7, 0.4, 0.25], r.Density[4..8]);
        AssertClose([1.0 / 3, 4.0 / 7, 0.2, 1], r.Density[8..12]);
        AssertClose([0.5, 2.0 / 7, 0.2, 0], r.Density[12..16]);
        AssertStandardised(r.Eci);
        Assert.True(Correlation(r.Eci, r.Diversity.Select(d => (double)d).ToArray()) > 0);
        AssertIsEigenvector(Open4, 4, 4, r.Eci);
    }

    [Fact]
    public void A_random_matrix_keeps_the_properties_of_the_method_and_the_formulas_of_density_and_cog()
    {
        var rng = new Random(18);
        const int C = 40, P = 90;
        var m = new bool[C * P];
        for (var c = 0; c < C; c++)
        for (var p = 0; p < P; p++)
            m[c * P + p] = rng.NextDouble() < 0.05 + 0.4 * c / C * (1 - (double)p / P);
        var r = EconomicComplexity.Compute(m, C, P, keepProximity: true);
        var eci = r.Eci.Where(v => !double.IsNaN(v)).ToArray();
        AssertStandardised(eci);
        AssertStandardised(r.Pci.Where(v => !double.IsNaN(v)).ToArray());
        var withEci = Enumerable.Range(0, C).Where(c => !double.IsNaN(r.Eci[c])).ToArray();
        Assert.True(Correlation(withEci.Select(c => r.Eci[c]).ToArray(), withEci.Select(c => (double)r.Diversity[c]).ToArray()) > 0);
        // PCI's sign follows ECI: a product's PCI grows with the mean ECI of its exporters.
        var withPci = Enumerable.Range(0, P).Where(p => !double.IsNaN(r.Pci[p])).ToArray();
        var exportersEci = withPci.Select(p => Enumerable.Range(0, C).Where(c => m[c * P + p]).Average(c => r.Eci[c])).ToArray();
        Assert.True(Correlation(withPci.Select(p => r.Pci[p]).ToArray(), exportersEci) > 0.999);
        AssertIsEigenvector(m, C, P, r.Eci);

        var phi = r.Proximity!;
        for (var p = 0; p < P; p++)
        for (var q = 0; q < P; q++)
        {
            Assert.Equal(phi[p * P + q], phi[q * P + p]);
            Assert.InRange(phi[p * P + q], 0, 1);
        }
        Assert.All(r.Density.Where(d => !double.IsNaN(d)), d => Assert.InRange(d, 0, 1 + Eps));

        // Density, COI and COG straight from the formulas, O(C P^2).
        for (var c = 0; c < C; c++)
        {
            double coi = 0;
            for (var p = 0; p < P; p++)
            {
                if (r.Ubiquity[p] == 0) { Assert.True(double.IsNaN(r.Density[c * P + p])); continue; }
                double num = 0, den = 0, cog = 0;
                for (var q = 0; q < P; q++)
                {
                    num += (m[c * P + q] ? 1 : 0) * phi[p * P + q];
                    den += phi[p * P + q];
                    if (r.Ubiquity[q] == 0) continue;
                    var rowSum = Enumerable.Range(0, P).Sum(k => phi[q * P + k]);
                    cog += (m[c * P + q] ? 0 : 1) * phi[p * P + q] * r.Pci[q] / rowSum;
                }
                var density = num / den;
                Assert.Equal(density, r.Density[c * P + p], 1e-9);
                Assert.Equal(m[c * P + p] ? 0 : cog, r.Cog[c * P + p], 1e-9);
                coi += (m[c * P + p] ? 0 : 1) * density * r.Pci[p];
            }
            Assert.Equal(coi, r.Coi[c], 1e-9);
        }
    }

    /// <summary>ECI is an affine image of an eigenvector x of M~ (rows sum to 1): M~ eci - lambda eci is constant.</summary>
    static void AssertIsEigenvector(bool[] m, int C, int P, double[] eci)
    {
        var kc = Enumerable.Range(0, C).Select(c => Enumerable.Range(0, P).Count(p => m[c * P + p])).ToArray();
        var kp = Enumerable.Range(0, P).Select(p => Enumerable.Range(0, C).Count(c => m[c * P + p])).ToArray();
        var active = Enumerable.Range(0, C).Where(c => kc[c] > 0).ToArray();
        var mx = active.Select(a => active.Sum(b => Enumerable.Range(0, P)
            .Where(p => m[a * P + p] && m[b * P + p]).Sum(p => 1.0 / kp[p]) / kc[a] * eci[b])).ToArray();
        // Two rows give lambda, the others must agree.
        var lambda = (mx[0] - mx[1]) / (eci[active[0]] - eci[active[1]]);
        var shift = mx[0] - lambda * eci[active[0]];
        for (var i = 0; i < active.Length; i++) Assert.Equal(shift, mx[i] - lambda * eci[active[i]], 1e-9);
        Assert.InRange(lambda, 0, 1 - 1e-9);
    }

    static void AssertStandardised(double[] v)
    {
        Assert.Equal(0, v.Average(), 1e-9);
        Assert.Equal(1, Math.Sqrt(v.Sum(x => x * x) / v.Length), 1e-9);
    }

    static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        return Enumerable.Range(0, a.Length).Sum(i => (a[i] - ma) * (b[i] - mb)) /
               Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(x => (x - mb) * (x - mb)));
    }

    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i])) Assert.True(double.IsNaN(actual[i]), $"[{i}]: expected NaN, got {actual[i]}");
            else Assert.True(Math.Abs(expected[i] - actual[i]) < Eps, $"[{i}]: expected {expected[i]}, got {actual[i]}");
        }
    }
}
