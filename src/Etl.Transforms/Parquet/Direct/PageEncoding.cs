namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>Parquet encodings (the Thrift enum <c>Encoding</c>), those this writer uses.</summary>
internal enum PageEncoding { Plain = 0, Rle = 3, RleDictionary = 8 }
