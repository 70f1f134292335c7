namespace ClusterEtl.Transforms.Site;

/// <summary>
/// The files every page uses, embedded in the program: Chart.js 4.6.1 (MIT licence, bundled so the pages need no network),
/// its licence, the script that draws the charts and the stylesheet.
/// </summary>
public static class SiteAssets
{
    /// <summary>File names of the assets, as written under <c>site/assets/</c>.</summary>
    public const string ChartJs = "chart.umd.min.js", ChartJsLicence = "chart.js-LICENSE.md", Script = "site.js", Stylesheet = "site.css";

    static readonly string[] All = [ChartJs, ChartJsLicence, Script, Stylesheet];

    /// <summary>The text of an asset.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream("ClusterEtl.Transforms.Site.Assets." + name)
                           ?? throw new InvalidOperationException($"the site asset {name} is not embedded in the program");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes every asset into <paramref name="dir"/>.</summary>
    public static void WriteAll(string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var name in All) File.WriteAllText(Path.Combine(dir, name), Read(name));
    }
}
