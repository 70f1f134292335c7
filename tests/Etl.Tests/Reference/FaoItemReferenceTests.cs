using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Tests.Reference;

public sealed class FaoItemReferenceTests
{
    static string Codes(IReadOnlyList<FaoItemCode> items, int item, string vintage) =>
        string.Join(",", items.Where(i => i.ItemCode == item && i.HsVintage == vintage).Select(i => i.HsCode));

    [RequiresSharedFact]
    public void Reads_FAOSTATs_real_item_download_with_HS_lists_per_vintage()
    {
        // ../shared/data/real/faostat/item.csv: 4,402 rows over 56 domains, items repeated per domain.
        var items = FaoItemReference.Load(Repo.SharedFile("data", "real", "faostat", "item.csv"));

        // 882 Raw milk of cattle: CPC 02211; HS07 "040120, 040130"; HS12 "040120, 040140, 040150".
        Assert.Equal("02211", items.First(i => i.ItemCode == 882).CpcCode);
        Assert.Equal("040120,040130", Codes(items, 882, "HS07"));
        Assert.Equal("040120,040140,040150", Codes(items, 882, "HS12"));
        Assert.Equal("080450", Codes(items, 571, "HS12"));   // Mangoes, guavas and mangosteens
        Assert.Equal("080440", Codes(items, 572, "HS12"));   // Avocados
        Assert.Equal("090111", Codes(items, 656, "HS12"));   // Coffee, green
        Assert.Equal("080300", Codes(items, 486, "HS07"));   // Bananas: 080300 in HS07 ...
        Assert.Equal("080390", Codes(items, 486, "HS12"));   // ... split in HS12
        Assert.Single(items, i => i.ItemCode == 882 && i.HsVintage is null); // listed in many domains, kept once
    }

    [RequiresSharedFact]
    public void The_shipped_list_reads_as_FAOSTATs_download()
    {
        var real = FaoItemReference.Load(Repo.SharedFile("data", "real", "faostat", "item.csv"));
        var shipped = FaoItemReference.Load(FaoItemReference.PathIn(Repo.Pipelines));

        // make_reference.py keeps FAOSTAT's first row of each item, which is the row the reader keeps: the same codes.
        Assert.Equal(real.Select(r => $"{r.ItemCode}|{r.CpcCode}|{r.HsVintage}|{r.HsCode}"),
            shipped.Select(r => $"{r.ItemCode}|{r.CpcCode}|{r.HsVintage}|{r.HsCode}"));
        Assert.Contains(shipped, i => i is { ItemCode: 882, CpcCode: "02211", HsVintage: "HS12", HsCode: "040150" });
    }
}
