using System.Globalization;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// The six-digit text of each HS product code met (0 to 999,999), one shared instance per code, in a small
/// open-addressing table: a release uses a few thousand codes, and a table of that size stays in the processor's cache
/// where an array indexed by code (8 MB) missed it on nearly every row. Lookups take no lock and may run on several
/// threads while one adds a code: an entry's text is written before its key, and a full table is replaced, never
/// changed in place.
/// </summary>
internal sealed class BaciProductCodes
{
    sealed class Table(int bits)
    {
        public readonly int Shift = 32 - bits;
        public readonly int Mask = (1 << bits) - 1;
        public readonly int[] Keys = new int[1 << bits]; // code + 1, 0 when free
        public readonly string?[] Texts = new string?[1 << bits];
        public int Count;

        public int Slot(int code) => (int)((uint)code * 0x9E3779B1u >> Shift);
    }

    readonly object _adding = new();
    volatile Table _table = new(13);

    /// <summary>The text of <paramref name="code"/> (0 to 999,999), added when new.</summary>
    public string Get(int code)
    {
        var t = _table;
        var slot = t.Slot(code);
        while (true)
        {
            var key = Volatile.Read(ref t.Keys[slot]);
            if (key == code + 1) return t.Texts[slot]!;
            if (key == 0) return Add(code);
            slot = (slot + 1) & t.Mask;
        }
    }

    string Add(int code)
    {
        lock (_adding)
        {
            var t = _table;
            var slot = t.Slot(code);
            while (t.Keys[slot] != 0)
            {
                if (t.Keys[slot] == code + 1) return t.Texts[slot]!;
                slot = (slot + 1) & t.Mask;
            }
            // Files re-saved by spreadsheets lose the leading zero (10121 for 010121): pad back to six.
            var text = code.ToString("D6", CultureInfo.InvariantCulture);
            if ((t.Count + 1) * 2 > t.Keys.Length)
            {
                var bigger = new Table(32 - t.Shift + 1);
                for (var i = 0; i < t.Keys.Length; i++)
                    if (t.Keys[i] != 0) Insert(bigger, t.Keys[i] - 1, t.Texts[i]!);
                Insert(bigger, code, text);
                _table = bigger;
            }
            else Insert(t, code, text);
            return text;
        }
    }

    static void Insert(Table t, int code, string text)
    {
        var slot = t.Slot(code);
        while (t.Keys[slot] != 0) slot = (slot + 1) & t.Mask;
        t.Texts[slot] = text;
        Volatile.Write(ref t.Keys[slot], code + 1);
        t.Count++;
    }
}
