namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>Parquet physical types (the Thrift enum <c>Type</c>), those this writer uses.</summary>
internal enum PhysicalType { Int32 = 1, Double = 5, ByteArray = 6 }
