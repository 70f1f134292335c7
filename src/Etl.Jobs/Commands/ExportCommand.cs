using System.CommandLine;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>export ID --xlsx FILE</c>: one workbook for one cluster from the published warehouse — a first sheet explaining every
/// column (description, unit) and the sources, then a sheet per mart with the cluster's rows.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The cluster's id, e.g. chile-salmon (see `clusters`)" };
        var xlsx = new Option<string>("--xlsx") { HelpName = "FILE", Description = "The workbook to write", Required = true };
        var data = CommonOptions.DataDir();
        var command = new Command("export", "One cluster's marts as an Excel workbook, with a sheet explaining every column and the sources")
        {
            id, xlsx, data,
        };
        command.SetAction(p => ClusterEtl.Transforms.Site.ClusterFiles.Xlsx(p.GetValue(id)!, Path.GetFullPath(p.GetValue(xlsx)!),
            new DataLayout(p.GetValue(data)!)));
        return command;
    }
}
