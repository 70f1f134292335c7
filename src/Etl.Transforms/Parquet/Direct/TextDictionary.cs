namespace ClusterEtl.Transforms.Parquet.Direct;

/// <summary>
/// The distinct values of a text column chunk, numbered in order of first appearance: an open-addressing table on a
/// cheap hash of the text (codes are a few characters), compared by reference first, since callers pass cached
/// instances. Numbers depend only on the text, never on which instances were passed.
/// </summary>
internal sealed class TextDictionary
{
    readonly List<string> _values = [];
    int[] _slots = new int[1024]; // value number + 1, 0 when free

    public int Count => _values.Count;
    public IReadOnlyList<string> Values => _values;

    public void Clear()
    {
        _values.Clear();
        Array.Clear(_slots);
    }

    /// <summary>The number of <paramref name="value"/>, added when new.</summary>
    public int IndexOf(string value)
    {
        var mask = _slots.Length - 1;
        var slot = Hash(value) & mask;
        while (true)
        {
            var n = _slots[slot];
            if (n == 0) break;
            var known = _values[n - 1];
            if (ReferenceEquals(known, value) || string.Equals(known, value)) return n - 1;
            slot = (slot + 1) & mask;
        }
        _values.Add(value);
        _slots[slot] = _values.Count;
        if (_values.Count * 2 > _slots.Length) Grow();
        return _values.Count - 1;
    }

    void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < _values.Count; i++)
        {
            var slot = Hash(_values[i]) & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = i + 1;
        }
    }

    static int Hash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return (int)(h ^ h >> 15);
    }
}
