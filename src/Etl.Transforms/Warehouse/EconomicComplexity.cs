using Simd = System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Economic complexity of a country x product presence matrix M (M_cp = 1 when RCA_cp >= threshold), with the
/// definitions of the Harvard Growth Lab's <c>ecomplexity</c> (Stata and py-ecomplexity; Hausmann, Hidalgo et al.,
/// The Atlas of Economic Complexity; see docs/indicators.md, "Economic complexity"):
/// <list type="bullet">
/// <item>diversity k_c = sum_p M_cp, ubiquity k_p = sum_c M_cp;</item>
/// <item>ECI: the eigenvector of the second largest eigenvalue of M~ = D^-1 M U^-1 M^T (D = diag(k_c), U = diag(k_p)), found
/// as D^-1/2 v for the eigenvector v of the symmetric matrix D^-1/2 M U^-1 M^T D^-1/2 (same eigenvalues), over the
/// countries with diversity > 0; its sign makes it correlate positively with diversity; standardised to mean 0 and
/// (population) standard deviation 1;</item>
/// <item>PCI: U^-1 M^T x for that (signed) country eigenvector x, which is the eigenvector of the product matrix
/// U^-1 M^T D^-1 M for the same eigenvalue (so its sign follows ECI: a product's PCI grows with the ECI of the countries
/// that export it), standardised over the products with ubiquity > 0;</item>
/// <item>proximity phi_pp' = C_pp' / max(k_p, k_p'), C = M^T M (the minimum of the two conditional probabilities; phi_pp = 1);</item>
/// <item>density_cp = sum_p' M_cp' phi_pp' / sum_p' phi_pp';</item>
/// <item>COI_c = sum_p (1 - M_cp) density_cp PCI_p;</item>
/// <item>COG_cp = (1 - M_cp) sum_p' (1 - M_cp') phi_pp' PCI_p' / sum_p'' phi_p'p'' (ecomplexity's
/// <c>cog = (1 :- M):*((1 :- M) * (proximity :* ((kp1d:/(proximity*J(Npx,1,1)))*J(1,Npx,1))))</c>).</item>
/// </list>
/// The proximity matrix is dense (P x P doubles: 200 MB for 5,000 products) and lives only during the call; density and
/// COG are sums of its rows over each country's products (2 x sum_c k_c x P multiply-adds).
/// </summary>
public static class EconomicComplexity
{
    /// <param name="presence">M, row-major: <c>presence[c * products + p]</c>.</param>
    /// <param name="keepProximity">Return phi (tests).</param>
    public static ComplexityResult Compute(bool[] presence, int countries, int products, bool keepProximity = false)
    {
        if (presence.Length != countries * products) throw new ArgumentException("presence must hold countries x products values");
        int C = countries, P = products;
        var rows = new int[C][];                       // each country's products with M_cp = 1
        var diversity = new int[C];
        var ubiquity = new int[P];
        for (var c = 0; c < C; c++)
        {
            var list = new List<int>();
            for (var p = 0; p < P; p++)
                if (presence[c * P + p]) { list.Add(p); ubiquity[p]++; }
            rows[c] = [.. list];
            diversity[c] = list.Count;
        }

        var (eci, pci) = Eigenvectors(rows, diversity, ubiquity, C, P);

        var phi = Proximity(rows, ubiquity, P);
        var rowSum = new double[P];
        for (var p = 0; p < P; p++)
        {
            double s = 0;
            foreach (var v in phi.AsSpan(p * P, P)) s += v;
            rowSum[p] = s;
        }

        // w_p' = PCI_p' / sum_p'' phi_p'p''; g = phi w (the COG sum before taking out the products the country has).
        var w = new double[P];
        for (var p = 0; p < P; p++) w[p] = rowSum[p] > 0 && !double.IsNaN(pci[p]) ? pci[p] / rowSum[p] : 0;
        var g = new double[P];
        for (var p = 0; p < P; p++)
        {
            var basep = (long)p * P;
            double s = 0;
            for (var q = 0; q < P; q++) s += phi[basep + q] * w[q];
            g[p] = s;
        }

        var density = new double[(long)C * P];
        var cog = new double[(long)C * P];
        var coi = new double[C];
        Parallel.For(0, C, c =>
        {
            var near = new double[P];          // sum_p' M_cp' phi_pp'
            var gain = new double[P];          // sum_p' M_cp' phi_pp' w_p'
            foreach (var q in rows[c])
            {
                AddRow(near, gain, phi.AsSpan((int)((long)q * P), P), w[q]);
            }
            double outlook = 0;
            for (var p = 0; p < P; p++)
            {
                var i = (long)c * P + p;
                var absent = !presence[i];
                if (rowSum[p] == 0)
                {
                    density[i] = double.NaN;
                    cog[i] = double.NaN;
                    continue;
                }
                density[i] = near[p] / rowSum[p];
                cog[i] = absent ? g[p] - gain[p] : 0;
                if (absent && !double.IsNaN(pci[p])) outlook += density[i] * pci[p];
            }
            coi[c] = outlook;
        });
        return new ComplexityResult(C, P, diversity, ubiquity, eci, pci, density, cog, coi) { Proximity = keepProximity ? phi : null };
    }

    /// <summary>The proximity phi_pp' = C_pp' / max(k_p, k_p'), C = M^T M, of a presence matrix (row-major P x P).</summary>
    public static double[] Proximity(bool[] presence, int countries, int products)
    {
        var rows = new int[countries][];
        var ubiquity = new int[products];
        for (var c = 0; c < countries; c++)
        {
            var list = new List<int>();
            for (var p = 0; p < products; p++)
                if (presence[c * products + p]) { list.Add(p); ubiquity[p]++; }
            rows[c] = [.. list];
        }
        return Proximity(rows, ubiquity, products);
    }

    static double[] Proximity(int[][] rows, int[] ubiquity, int P)
    {
        // C_pp' = sum_c M_cp M_cp', then phi_pp' = C_pp' / max(k_p, k_p').
        var phi = new double[(long)P * P];
        foreach (var row in rows)
            for (var i = 0; i < row.Length; i++)
            {
                var baseI = (long)row[i] * P;
                for (var j = 0; j < row.Length; j++) phi[baseI + row[j]] += 1;
            }
        for (var p = 0; p < P; p++)
        {
            var basep = (long)p * P;
            for (var q = 0; q < P; q++)
            {
                var m = Math.Max(ubiquity[p], ubiquity[q]);
                phi[basep + q] = m == 0 ? 0 : phi[basep + q] / m;
            }
        }
        return phi;
    }

    /// <summary>near += row; gain += factor * row (one pass over the row).</summary>
    static void AddRow(double[] near, double[] gain, ReadOnlySpan<double> row, double factor)
    {
        var i = 0;
        var n = Simd.Vector<double>.Count;
        if (Simd.Vector.IsHardwareAccelerated && row.Length >= n)
        {
            var f = new Simd.Vector<double>(factor);
            Span<double> a = near, b = gain;
            for (; i <= row.Length - n; i += n)
            {
                var r = new Simd.Vector<double>(row[i..]);
                (new Simd.Vector<double>(a[i..]) + r).CopyTo(a[i..]);
                (new Simd.Vector<double>(b[i..]) + r * f).CopyTo(b[i..]);
            }
        }
        for (; i < row.Length; i++)
        {
            near[i] += row[i];
            gain[i] += row[i] * factor;
        }
    }

    /// <summary>ECI per country and PCI per product (NaN where undefined).</summary>
    static (double[] Eci, double[] Pci) Eigenvectors(int[][] rows, int[] diversity, int[] ubiquity, int C, int P)
    {
        var eci = Enumerable.Repeat(double.NaN, C).ToArray();
        var pci = Enumerable.Repeat(double.NaN, P).ToArray();
        var active = Enumerable.Range(0, C).Where(c => diversity[c] > 0).ToArray();
        var n = active.Length;
        if (n < 2 || ubiquity.Count(k => k > 0) < 2) return (eci, pci);

        // S_ab = sum_p M_ap M_bp / k_p / sqrt(k_a k_b), over the active countries a, b: symmetric, the eigenvalues of M~.
        var exporters = new List<int>[P];
        for (var a = 0; a < n; a++)
            foreach (var p in rows[active[a]]) (exporters[p] ??= []).Add(a);
        var s = Matrix<double>.Build.Dense(n, n);
        foreach (var list in exporters)
        {
            if (list is null) continue;
            var inv = 1.0 / list.Count;
            foreach (var a in list)
            foreach (var b in list)
                s[a, b] += inv;
        }
        for (var a = 0; a < n; a++)
        for (var b = 0; b < n; b++)
            s[a, b] /= Math.Sqrt((double)diversity[active[a]] * diversity[active[b]]);

        var evd = s.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, n).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        var v = evd.EigenVectors.Column(order[1]);
        var x = new double[n];
        for (var a = 0; a < n; a++) x[a] = v[a] / Math.Sqrt(diversity[active[a]]);

        // Sign: ECI correlates positively with diversity.
        if (Correlation(x, active.Select(c => (double)diversity[c]).ToArray()) < 0)
            for (var a = 0; a < n; a++) x[a] = -x[a];

        // The product eigenvector for the same eigenvalue: y_p = (1 / k_p) sum_c M_cp x_c.
        var y = new double[P];
        var productActive = new List<int>();
        for (var p = 0; p < P; p++)
        {
            if (exporters[p] is not { } list) continue;
            y[p] = list.Sum(a => x[a]) / list.Count;
            productActive.Add(p);
        }

        var ex = Standardise(x);
        if (ex is null) return (eci, pci);
        for (var a = 0; a < n; a++) eci[active[a]] = ex[a];
        var py = Standardise(productActive.Select(p => y[p]).ToArray());
        if (py is not null)
            for (var i = 0; i < productActive.Count; i++) pci[productActive[i]] = py[i];
        return (eci, pci);
    }

    /// <summary>(v - mean) / sd with the population standard deviation; null when sd is 0.</summary>
    static double[]? Standardise(double[] v)
    {
        var mean = v.Average();
        var sd = Math.Sqrt(v.Sum(a => (a - mean) * (a - mean)) / v.Length);
        if (!(sd > 1e-12 * Math.Max(1, Math.Abs(mean)))) return null;
        return v.Select(a => (a - mean) / sd).ToArray();
    }

    static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0;
        for (var i = 0; i < a.Length; i++) sab += (a[i] - ma) * (b[i] - mb);
        return sab;
    }
}
