namespace ClusterEtl.Transforms.Kernel;

/// <summary>A failure that may pass if the same work is tried again later (HTTP 5xx, timeouts).</summary>
public sealed class TransientPipelineException(string stage, string what, string hint, string? source = null,
    string? file = null, Exception? inner = null)
    : PipelineException(stage, what, hint, source, file, inner: inner)
{
    public override bool IsTransient => true;
}
