using System.Numerics;
using Simd = System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// Economic complexity of a country x product presence matrix M (M_cp = 1 when RCA_cp >= threshold), with the values of the
/// Harvard Growth Lab's <c>ecomplexity</c> (Stata, checked against its output in the tests; Hausmann, Hidalgo et al.,
/// The Atlas of Economic Complexity; see docs/indicators.md, "Economic complexity"):
/// <list type="bullet">
/// <item>diversity k_c = sum_p M_cp, ubiquity k_p = sum_c M_cp;</item>
/// <item>ECI and PCI as ecomplexity's <c>ecipci</c>: kp, the eigenvector of the product matrix U^-1 M^T D^-1 M for its second
/// largest eigenvalue, and kc = D^-1 M kp (found through the symmetric D^-1/2 M U^-1 M^T D^-1/2, over the countries with
/// diversity > 0), signed so that kc correlates positively with diversity; ECI = (kc - mean) / sd and PCI = (kp - mean) / sd
/// with the mean and sd (n - 1) of kc over the long data (each country once per product), as ecomplexity.ado;</item>
/// <item>proximity phi_pp' = C_pp' / max(k_p, k_p'), C = M^T M (the minimum of the two conditional probabilities), phi_pp = 0
/// (Stata's proxdiscrete: min(P1, P2) - I);</item>
/// <item>density_cp = sum_p' M_cp' phi_pp' / sum_p' phi_pp';</item>
/// <item>COI_c = sum_p (1 - M_cp) density_cp kp_p, standardised over the long data;</item>
/// <item>COG_cp = (1 - M_cp) sum_p' (1 - M_cp') phi_pp' kp_p' / sum_p'' phi_p'p'', divided by the sd of kc (ecomplexity's
/// <c>cog = (1 :- M):*((1 :- M) * (proximity :* ((kp1d:/(proximity*J(Npx,1,1)))*J(1,Npx,1))))</c>, then <c>cog/r(sd)</c>).</item>
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

        var (kc, kp) = Eigenvectors(rows, diversity, ubiquity, C, P);
        // Normalised as ecomplexity.ado does it: by the mean and standard deviation of kc over the long data (each country's
        // value once per product of the matrix; sd with n - 1), ECI and PCI alike, so that ECI is the mean PCI of the
        // country's products; COG is divided by the same sd.
        var (mean, sd) = LongMeanSd(kc, P);
        var eci = kc.Select(v => (v - mean) / sd).ToArray();
        var pci = kp.Select(v => (v - mean) / sd).ToArray();

        var phi = Proximity(rows, ubiquity, P);
        var rowSum = new double[P];
        for (var p = 0; p < P; p++)
        {
            double s = 0;
            foreach (var v in phi.AsSpan(p * P, P)) s += v;
            rowSum[p] = s;
        }

        // w_p' = (kp_p' / sd) / sum_p'' phi_p'p''; g = phi w (the COG sum before taking out the products the country has).
        var w = new double[P];
        for (var p = 0; p < P; p++) w[p] = rowSum[p] > 0 && !double.IsNaN(kp[p]) && !double.IsNaN(sd) ? kp[p] / sd / rowSum[p] : 0;
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
        var outlook = new double[C];
        Parallel.For(0, C, c =>
        {
            var near = new double[P];          // sum_p' M_cp' phi_pp'
            var gain = new double[P];          // sum_p' M_cp' phi_pp' w_p'
            foreach (var q in rows[c])
            {
                AddRow(near, gain, phi.AsSpan((int)((long)q * P), P), w[q]);
            }
            double o = 0;
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
                cog[i] = !absent ? 0 : double.IsNaN(sd) ? double.NaN : g[p] - gain[p];
                if (absent && !double.IsNaN(kp[p])) o += density[i] * kp[p];
            }
            outlook[c] = o;
        });
        // COI: sum_p (1 - M_cp) density_cp kp_p, standardised over the long data like ECI.
        var (coiMean, coiSd) = double.IsNaN(sd) ? (double.NaN, double.NaN) : LongMeanSd(outlook, P);
        var coi = outlook.Select(v => (v - coiMean) / coiSd).ToArray();
        return new ComplexityResult(C, P, diversity, ubiquity, eci, pci, density, cog, coi)
        {
            Proximity = keepProximity ? phi : null, KcMean = mean, KcSd = sd,
        };
    }

    /// <summary>
    /// Mean and standard deviation (n - 1) of <paramref name="v"/> over the long data, where each value stands for
    /// <paramref name="products"/> rows (Stata's <c>sum</c> on the country x product data); NaN values are left out. Both are
    /// NaN when fewer than two values are defined or the sd is 0.
    /// </summary>
    static (double Mean, double Sd) LongMeanSd(double[] v, int products)
    {
        var defined = v.Where(x => !double.IsNaN(x)).ToArray();
        if (defined.Length < 2) return (double.NaN, double.NaN);
        var mean = defined.Average();
        var sd = Math.Sqrt(defined.Sum(x => (x - mean) * (x - mean)) * products / ((double)defined.Length * products - 1));
        return sd > 1e-12 * Math.Max(1, Math.Abs(mean)) ? (mean, sd) : (double.NaN, double.NaN);
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
        // C_pp' = sum_c M_cp M_cp': each product's countries as a bit set, C_pp' the bits the two sets share (230 countries:
        // 4 words a product, so P^2 x 4 popcounts instead of sum_c k_c^2 scattered additions); phi_pp' = C_pp' / max(k_p, k_p').
        var words = (rows.Length + 63) / 64;
        var bits = new ulong[(long)P * words];
        for (var c = 0; c < rows.Length; c++)
            foreach (var p in rows[c]) bits[(long)p * words + c / 64] |= 1UL << (c % 64);
        var phi = new double[(long)P * P];
        Parallel.For(0, P, p =>
        {
            var mine = bits.AsSpan((int)((long)p * words), words);
            var basep = (long)p * P;
            for (var q = 0; q < P; q++)
            {
                var m = Math.Max(ubiquity[p], ubiquity[q]);
                if (m == 0 || q == p) continue;                     // phi_pp = 0 (Stata's proxdiscrete)
                var theirs = bits.AsSpan((int)((long)q * words), words);
                var shared = 0;
                for (var w = 0; w < words; w++) shared += BitOperations.PopCount(mine[w] & theirs[w]);
                phi[basep + q] = (double)shared / m;
            }
        });
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

    /// <summary>
    /// The raw eigenvectors of ecomplexity's <c>ecipci</c>: kp, of the product matrix U^-1 M^T D^-1 M for its second
    /// largest eigenvalue lambda, and kc = D^-1 M kp (each country's mean kp over its products), signed so that kc
    /// correlates positively with diversity; NaN where undefined (a country with diversity 0, a product with ubiquity 0,
    /// or all of them when fewer than two countries or products have any presence).
    /// </summary>
    static (double[] Kc, double[] Kp) Eigenvectors(int[][] rows, int[] diversity, int[] ubiquity, int C, int P)
    {
        var kc = Enumerable.Repeat(double.NaN, C).ToArray();
        var kp = Enumerable.Repeat(double.NaN, P).ToArray();
        var active = Enumerable.Range(0, C).Where(c => diversity[c] > 0).ToArray();
        var n = active.Length;
        if (n < 2 || ubiquity.Count(k => k > 0) < 2) return (kc, kp);

        // S_ab = sum_p M_ap M_bp / k_p / sqrt(k_a k_b), over the active countries a, b: symmetric, with the eigenvalues of
        // D^-1 M U^-1 M^T (those of the product matrix too, which has only zeros besides). For its eigenvector v,
        // x = D^-1/2 v is the country eigenvector and y = U^-1 M^T x the product one, with D^-1 M y = lambda x:
        // so kp = y and kc = lambda x.
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
        var lambda = evd.EigenValues[order[1]].Real;
        if (!(lambda > 1e-12)) return (kc, kp);
        var v = evd.EigenVectors.Column(order[1]);
        var x = new double[n];
        for (var a = 0; a < n; a++) x[a] = v[a] / Math.Sqrt(diversity[active[a]]);

        // Sign: kc correlates positively with diversity.
        if (Correlation(x, active.Select(c => (double)diversity[c]).ToArray()) < 0)
            for (var a = 0; a < n; a++) x[a] = -x[a];

        for (var p = 0; p < P; p++)
            if (exporters[p] is { } list) kp[p] = list.Sum(a => x[a]) / list.Count;
        for (var a = 0; a < n; a++) kc[active[a]] = lambda * x[a];
        return (kc, kp);
    }

    static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0;
        for (var i = 0; i < a.Length; i++) sab += (a[i] - ma) * (b[i] - mb);
        return sab;
    }
}
