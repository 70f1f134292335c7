using ClusterEtl.Transforms.Warehouse;
using Xunit.Abstractions;

namespace ClusterEtl.Tests.Warehouse;

/// <summary>
/// <see cref="EconomicComplexity"/> on matrices small enough to work out by hand (the working is in the comments), the
/// values of the Stata <c>ecomplexity</c> package on a real 10 x 30 year, the properties the method guarantees on a random
/// matrix, and density and COG against a direct (slow) reading of the formulas.
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
    // It falls with diversity, so the sign turns: x = (2, -1, -4). kp = mean of x over each product's exporters:
    //   p1 (2 - 1 - 4)/3 = -1, p2 (2 - 1)/2 = 1/2, p3 2; kc = D^-1 M kp = lambda x: A (-1 + 1/2 + 2)/3 = 1/2, B -1/4, C -1.
    // Normalisation (ecomplexity.ado: sum eci over the 9 rows of the long data, sd with n - 1): mean of kc -1/4,
    //   deviations (3/4, 0, -3/4), each on 3 rows: sum of squares 3 (9/16 + 9/16) = 27/8, / 8 = 27/64, sd = 3 sqrt3 / 8.
    //   ECI = (3/4, 0, -3/4) / (3 sqrt3 / 8) = (2/sqrt3, 0, -2/sqrt3);
    //   PCI = (kp + 1/4) / sd = (-3/4, 3/4, 9/4) / (3 sqrt3 / 8) = (-2/sqrt3, 2/sqrt3, 6/sqrt3)   (ECI = mean PCI of the products).
    // Proximity (Stata's proxdiscrete: min of the conditional probabilities, diagonal 0), C = M^T M: C12 = 2, C13 = 1,
    //   C23 = 1: phi12 = 2/max(3,2) = 2/3, phi13 = 1/3, phi23 = 1/max(2,1) = 1/2; row sums 1, 7/6, 5/6.
    // Density d_cp = sum over the country's products p' of phi_pp' / rowsum_p:
    //   A: 1, (2/3 + 1/2)/(7/6) = 1, (1/3 + 1/2)/(5/6) = 1;  B: 2/3, (2/3)/(7/6) = 4/7, (1/3 + 1/2)/(5/6) = 1;
    //   C: 0, (2/3)/(7/6) = 4/7, (1/3)/(5/6) = 2/5.
    // COG_cp = (1 - M_cp) sum over the products p' the country lacks of phi_pp' kp_p' / rowsum_p', / sd:
    //   B, p3: phi33 = 0 -> 0;  C, p2: phi23 kp3 / (5/6) = (1/2)(2)(6/5) = 6/5;  C, p3: phi32 kp2 / (7/6) = (1/2)(1/2)(6/7) = 3/14;
    //   divided by sd = 3 sqrt3 / 8: C2 = (6/5)(8 / (3 sqrt3)) = 16 / (5 sqrt3), C3 = (3/14)(8 / (3 sqrt3)) = 4 / (7 sqrt3).
    // COI before normalising: sum_p (1 - M_cp) d_cp kp_p: A 0, B d_B3 kp3 = 2, C d_C2 kp2 + d_C3 kp3 = 2/7 + 4/5 = 38/35;
    //   mean (0 + 70/35 + 38/35)/3 = 36/35, deviations (-36, 34, 2)/35, sum of squares over the 9 rows 3 (1296 + 1156 + 4)/35^2
    //   = 7368/1225, / 8 = 921/1225, sd = sqrt921 / 35:  COI = (-36, 34, 2) / sqrt921.
    static readonly bool[] Nested = Matrix([1, 1, 1], [1, 1, 0], [1, 0, 0]);

    [Fact]
    public void The_nested_3x3_matrix_gives_the_values_worked_out_by_hand()
    {
        var r = EconomicComplexity.Compute(Nested, 3, 3, keepProximity: true);
        var s3 = Math.Sqrt(3);
        Assert.Equal([3, 2, 1], r.Diversity);
        Assert.Equal([3, 2, 1], r.Ubiquity);
        AssertClose([2 / s3, 0, -2 / s3], r.Eci);
        AssertClose([-2 / s3, 2 / s3, 6 / s3], r.Pci);
        AssertClose([0, 2.0 / 3, 1.0 / 3, 2.0 / 3, 0, 0.5, 1.0 / 3, 0.5, 0], r.Proximity!);
        AssertClose([1, 1, 1, 2.0 / 3, 4.0 / 7, 1, 0, 4.0 / 7, 0.4], r.Density);
        AssertClose([0, 0, 0, 0, 0, 0, 0, 16 / (5 * s3), 4 / (7 * s3)], r.Cog);
        var s921 = Math.Sqrt(921);
        AssertClose([-36 / s921, 34 / s921, 2 / s921], r.Coi);
    }

    // The same 3x3 inside a 4x4: country D exports but has no RCA >= 1 anywhere, product 4 is exported but nobody has an
    // RCA in it.
    //   A: 1 1 1 0      diversity (3, 2, 1, 0), ubiquity (3, 2, 1, 0)
    //   B: 1 1 0 0
    //   C: 1 0 0 0
    //   D: 0 0 0 0
    // D and product 4 take no part in the eigenvectors: kc and kp are those of the 3x3, kc of D and kp of 4 undefined (NaN,
    // NULL in the mart). The long data of the normalisation has 4 rows per country now: sum of squares of kc's deviations
    // 4 (9/16 + 9/16) = 9/2 over 3 x 4 - 1 = 11 rows: sd = sqrt(9/22) = 3 / sqrt22; ECI = (3/4, 0, -3/4) sqrt22 / 3
    // = (sqrt22/4, 0, -sqrt22/4), PCI = (-3/4, 3/4, 9/4) sqrt22 / 3 = (-sqrt22/4, sqrt22/4, 3 sqrt22/4).
    // Proximity to product 4 is 0 (C_p4 = 0), so its density and COG are undefined; D's density in products 1-3 is 0 and
    // its COG sums over all the others: COG_Dp = sum_p' phi_pp' kp_p' / rowsum_p' / sd with kp = (-1, 1/2, 2):
    //   p1: phi12 (1/2)/(7/6) + phi13 (2)/(5/6) = (2/3)(3/7) + (1/3)(12/5) = 2/7 + 4/5 = 38/35;
    //   p2: phi21 (-1)/1 + phi23 (2)/(5/6) = -2/3 + (1/2)(12/5) = -2/3 + 6/5 = 8/15;
    //   p3: phi31 (-1)/1 + phi32 (1/2)/(7/6) = -1/3 + (1/2)(3/7) = -1/3 + 3/14 = -5/42;  each times sqrt22 / 3.
    [Fact]
    public void A_country_and_a_product_without_presence_are_dropped_before_the_eigenvectors()
    {
        var r = EconomicComplexity.Compute(Matrix([1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]), 4, 4);
        var s22 = Math.Sqrt(22);
        Assert.Equal([3, 2, 1, 0], r.Diversity);
        Assert.Equal([3, 2, 1, 0], r.Ubiquity);
        AssertClose([s22 / 4, 0, -s22 / 4, double.NaN], r.Eci);
        AssertClose([-s22 / 4, s22 / 4, 3 * s22 / 4, double.NaN], r.Pci);
        AssertClose([0, 0, 0, double.NaN], r.Density[12..16]);
        AssertClose([38.0 / 35 * s22 / 3, 8.0 / 15 * s22 / 3, -5.0 / 42 * s22 / 3, double.NaN], r.Cog[12..16]);
    }

    // A 4x4 that is not nested:
    //   A: 1 1 1 0    diversity (3, 2, 2, 1)
    //   B: 1 1 0 0    ubiquity  (3, 3, 1, 1)
    //   C: 0 1 0 1
    //   D: 1 0 0 0
    // C = M^T M: C12 = 2 (A, B), C13 = 1 (A), C14 = 0, C23 = 1 (A), C24 = 1 (C), C34 = 0; phi = C / max(u), diagonal 0:
    //   phi12 = 2/3, phi13 = 1/3, phi14 = 0, phi23 = 1/3, phi24 = 1/3, phi34 = 0; row sums 1, 4/3, 2/3, 1/3.
    // Density d_cp = sum over the country's products p' of phi_pp' / rowsum_p:
    //   A (p1, p2, p3): (2/3 + 1/3)/1 = 1, (2/3 + 1/3)/(4/3) = 3/4, (1/3 + 1/3)/(2/3) = 1, (1/3)/(1/3) = 1
    //   B (p1, p2):     (2/3)/1 = 2/3, (2/3)/(4/3) = 1/2, (1/3 + 1/3)/(2/3) = 1, (1/3)/(1/3) = 1
    //   C (p2, p4):     (2/3)/1 = 2/3, (1/3)/(4/3) = 1/4, (1/3)/(2/3) = 1/2, (1/3)/(1/3) = 1
    //   D (p1):         0, (2/3)/(4/3) = 1/2, (1/3)/(2/3) = 1/2, 0
    // ECI: mean 0, sd 1 over the long data, positively correlated with diversity, an (affine image of an) eigenvector of M~.
    static readonly bool[] Open4 = Matrix([1, 1, 1, 0], [1, 1, 0, 0], [0, 1, 0, 1], [1, 0, 0, 0]);

    [Fact]
    public void The_4x4_matrix_gives_the_proximity_and_density_worked_out_by_hand()
    {
        var r = EconomicComplexity.Compute(Open4, 4, 4, keepProximity: true);
        Assert.Equal([3, 2, 2, 1], r.Diversity);
        Assert.Equal([3, 3, 1, 1], r.Ubiquity);
        AssertClose([0, 2.0 / 3, 1.0 / 3, 0, 2.0 / 3, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0, 0, 1.0 / 3, 0, 0], r.Proximity!);
        AssertClose([1, 0.75, 1, 1], r.Density[0..4]);
        AssertClose([2.0 / 3, 0.5, 1, 1], r.Density[4..8]);
        AssertClose([2.0 / 3, 0.25, 0.5, 1], r.Density[8..12]);
        AssertClose([0, 0.5, 0.5, 0], r.Density[12..16]);
        AssertStandardisedOverLongData(r.Eci, 4);
        Assert.True(Correlation(r.Eci, r.Diversity.Select(d => (double)d).ToArray()) > 0);
        AssertIsEigenvector(Open4, 4, 4, r.Eci);
    }

    // Stata's ecomplexity (the Growth Lab's reference implementation) on real trade data: 1995, 10 European exporters x 30
    // HS92 4-digit products, Mcp from RCA > 1 (`ecomplexity export_val, i(origin) p(hs92) t(year)`), as published with
    // py-ecomplexity's tests (cid-harvard/py-ecomplexity, tests/fixtures/stata_single_year_1995.csv, MIT licence). The
    // matrix M (one string per country, products in the order below) and the values are copied from that file.
    static readonly string[] StataProducts =
    [
        "1704", "1806", "1905", "2007", "2105", "3208", "3402", "3917", "3922", "4008", "4010", "4905", "5602", "6804", "6810",
        "7010", "7307", "7308", "7309", "7310", "7325", "7604", "7608", "7612", "7616", "8309", "8431", "8474", "8530", "9403",
    ];

    static readonly (string Country, string M, double Eci, double Coi)[] StataCountries =
    [
        ("aut", "000100011000110111001101101010", 1.073207217992253, -.9940121728867501),
        ("blx", "111111100110001101011110000000", -.3159764634559932, 1.073851078082253),
        ("che", "110101011011010010000111101010", 1.06773721349865, -1.489194423334662),
        ("deu", "000001110110110110010001011110", 1.200861157616729, -1.382249032555092),
        ("dnk", "101110000001101000000011000101", -.9777046345252988, 1.155769407885882),
        ("esp", "100110100110110100111011110000", .0180390442936879, .4207036089900156),
        ("gbr", "111101111011100011101001011110", .5359206138129307, -.8461268439107059),
        ("ita", "000000001000001110100000110101", -.421184002398617, .6531998940796336),
        ("pol", "100010000000001001101000000001", -2.170709342895322, .8628190011104738),
        ("svn", "000001001110011000101110111001", -.0101908039390183, .5452394825389525),
    ];

    static readonly double[] StataPci =
    [
        -1.470491886427003, .9898334389413032, -1.28829614655021, .3359789984244054, -3.323137535581785, 1.211838680172189,
        .7575610835667231, 2.794806326517154, 1.056227717927282, .3013836399410316, .9458555639215322, .2528276298920076,
        .7921553064524651, 1.794091102846822, -3.047699996853477, .5947683743763661, 1.865519843983964, -1.177374641095858,
        -1.81300391183786, .5613061109624367, -.928657059139727, 1.071585041866113, -.590077081819932, 1.180674892441301,
        .7101505141850155, .4400665963872156, 2.140168306589086, -.1620847904245116, 2.794806326517154, -3.434600369331548,
    ];

    // Density and COG of some country-product pairs, with and without presence.
    static readonly (string Country, string Product, double Density, double Cog)[] StataCells =
    [
        ("aut", "1704", .4624999999999999, -.6248181469470029), ("aut", "2007", .4942528735632183, 0),
        ("aut", "9403", .3894967177242888, -.6309372503165401), ("blx", "3917", .442838370565046, .5761814670034898),
        ("blx", "1704", .5874999999999999, 0), ("che", "1905", .5300171526586621, -.5070216401477652),
        ("deu", "6810", .3687707641196012, -.8606242983547618), ("dnk", "8431", .2733644859813084, .661493166305128),
        ("esp", "9403", .5667396061269145, -.2298654409209401), ("gbr", "6804", .6881188118811884, -.1489516347013174),
        ("ita", "1704", .2499999999999999, -.0074848019856936), ("ita", "7310", .2192513368983957, -.0007853579774686),
        ("pol", "8431", .1425233644859813, .8333457049302115), ("pol", "2007", .2298850574712643, .6177847112422034),
        ("svn", "3917", .4244415243101183, .311196862949704), ("svn", "9403", .6039387308533917, 0),
    ];

    [Fact]
    public void A_real_year_gives_the_values_of_the_Stata_ecomplexity_package()
    {
        int C = StataCountries.Length, P = StataProducts.Length;
        var m = StataCountries.SelectMany(c => c.M.Select(ch => ch == '1')).ToArray();
        var r = EconomicComplexity.Compute(m, C, P);

        // Diversity and ubiquity as in the file (the ones of each string; 1704 is exported with M = 1 by blx, che, dnk, esp,
        // gbr and pol: 6).
        Assert.Equal([14, 16, 16, 15, 11, 16, 20, 9, 7, 14], r.Diversity);
        Assert.Equal(6, r.Ubiquity[0]);
        AssertClose(StataCountries.Select(c => c.Eci).ToArray(), r.Eci, 1e-9);
        AssertClose(StataPci, r.Pci, 1e-9);
        AssertClose(StataCountries.Select(c => c.Coi).ToArray(), r.Coi, 1e-9);
        foreach (var (country, product, density, cog) in StataCells)
        {
            var i = Array.FindIndex(StataCountries, c => c.Country == country) * P + Array.IndexOf(StataProducts, product);
            Assert.True(Math.Abs(density - r.Density[i]) < 1e-9, $"density {country} {product}: Stata {density}, ours {r.Density[i]}");
            Assert.True(Math.Abs(cog - r.Cog[i]) < 1e-9, $"COG {country} {product}: Stata {cog}, ours {r.Cog[i]}");
        }
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
        AssertStandardisedOverLongData(eci, P);
        AssertStandardisedOverLongData(r.Coi, P);
        var withEci = Enumerable.Range(0, C).Where(c => !double.IsNaN(r.Eci[c])).ToArray();
        Assert.True(Correlation(withEci.Select(c => r.Eci[c]).ToArray(), withEci.Select(c => (double)r.Diversity[c]).ToArray()) > 0);
        // ECI and PCI on one scale: a country's ECI is the mean PCI of its products (kc = D^-1 M kp, one affine map).
        foreach (var c in withEci)
            Assert.Equal(Enumerable.Range(0, P).Where(p => m[c * P + p]).Average(p => r.Pci[p]), r.Eci[c], 1e-9);
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
            Assert.InRange(phi[p * P + q], 0, p == q ? 0 : 1);
        }
        Assert.All(r.Density.Where(d => !double.IsNaN(d)), d => Assert.InRange(d, 0, 1 + Eps));

        // Density, COI and COG straight from the formulas, O(C P^2); kp / sd = PCI + mean / sd (PCI = (kp - mean) / sd).
        var kpOverSd = r.Pci.Select(v => v + r.KcMean / r.KcSd).ToArray();
        var coiRaw = new double[C];
        for (var c = 0; c < C; c++)
        {
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
                    cog += (m[c * P + q] ? 0 : 1) * phi[p * P + q] * kpOverSd[q] / rowSum;
                }
                var density = num / den;
                Assert.Equal(density, r.Density[c * P + p], 1e-9);
                Assert.Equal(m[c * P + p] ? 0 : cog, r.Cog[c * P + p], 1e-9);
                coiRaw[c] += (m[c * P + p] ? 0 : 1) * density * kpOverSd[p];
            }
        }
        // COI is the standardised sum: an affine image of coiRaw with a positive slope.
        var slope = (r.Coi[0] - r.Coi[1]) / (coiRaw[0] - coiRaw[1]);
        Assert.True(slope > 0);
        for (var c = 0; c < C; c++) Assert.Equal(r.Coi[0] + slope * (coiRaw[c] - coiRaw[0]), r.Coi[c], 1e-9);
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

    /// <summary>Mean 0 and standard deviation 1 over the long data (each value once per product; sd with n - 1), as Stata's
    /// <c>sum</c> after ecomplexity's normalisation.</summary>
    static void AssertStandardisedOverLongData(double[] v, int products)
    {
        Assert.Equal(0, v.Average(), 1e-9);
        Assert.Equal(1, Math.Sqrt(v.Sum(x => x * x) * products / (v.Length * products - 1.0)), 1e-9);
    }

    static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        return Enumerable.Range(0, a.Length).Sum(i => (a[i] - ma) * (b[i] - mb)) /
               Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(x => (x - mb) * (x - mb)));
    }

    static void AssertClose(double[] expected, double[] actual, double eps = Eps)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i])) Assert.True(double.IsNaN(actual[i]), $"[{i}]: expected NaN, got {actual[i]}");
            else Assert.True(Math.Abs(expected[i] - actual[i]) < eps, $"[{i}]: expected {expected[i]}, got {actual[i]}");
        }
    }
}
