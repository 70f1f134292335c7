using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Definitions;

/// <summary>
/// Reads the fields of one definition file and turns every problem into a <see cref="DefinitionException"/>
/// that names the file and the field path (<c>products.hs[2]</c>). Unknown fields are errors, with the
/// closest known name suggested, so a typo never silently falls back to a default.
/// </summary>
public sealed partial class JsonFields(string file, JsonElement element, string path)
{
    static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string File { get; } = file;

    public static JsonFields Load(string file, string displayName)
    {
        var text = System.IO.File.ReadAllText(file);
        try
        {
            using var doc = JsonDocument.Parse(text, Options);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new DefinitionException(displayName, "$", "the file must hold one JSON object");
            return new JsonFields(displayName, doc.RootElement.Clone(), "");
        }
        catch (JsonException e)
        {
            throw new DefinitionException(displayName, "$", SyntaxError(text, e));
        }
    }

    /// <summary>"not valid JSON at line 3, column 5: …": one position, 1-based, the column in characters (the parser counts
    /// bytes), and the parser's message without its own position and final period.</summary>
    public static string SyntaxError(string text, JsonException e)
    {
        var line = (int)(e.LineNumber ?? 0);
        var lines = text.Split('\n');
        var bytes = (int)(e.BytePositionInLine ?? 0);
        var column = bytes + 1;
        if (line < lines.Length)
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes(lines[line]);
            column = System.Text.Encoding.UTF8.GetCharCount(utf8, 0, Math.Min(bytes, utf8.Length)) + 1;
        }
        var message = e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim().TrimEnd('.');
        return $"not valid JSON at line {line + 1}, column {column}: {message}";
    }

    string Path(string name) => path.Length == 0 ? name : $"{path}.{name}";

    public DefinitionException Error(string name, string problem) => new(File, Path(name), problem);

    public void RejectUnknown(params string[] known)
    {
        foreach (var p in element.EnumerateObject())
        {
            if (known.Contains(p.Name)) continue;
            var closest = TextDistance.Closest(p.Name, known, 1)[0];
            throw Error(p.Name, $"unknown field (did you mean '{closest}'? known fields: {string.Join(", ", known)})");
        }
    }

    public bool Has(string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string RequiredString(string name)
    {
        var s = OptionalString(name);
        if (string.IsNullOrWhiteSpace(s)) throw Error(name, "is required and must be a non-empty string");
        return s;
    }

    public string? OptionalString(string name)
    {
        if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw Error(name, $"must be a string, not {v.ValueKind.ToString().ToLowerInvariant()}");
        return v.GetString()!.Trim();
    }

    public double? OptionalNumber(string name, double min, double max)
    {
        if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Number) throw Error(name, "must be a number");
        var d = v.GetDouble();
        if (d < min || d > max) throw Error(name, $"must be between {min} and {max}, not {d}");
        return d;
    }

    public IReadOnlyList<string> StringList(string name, bool required)
    {
        if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) throw Error(name, "is required: a list of strings");
            return [];
        }
        if (v.ValueKind != JsonValueKind.Array) throw Error(name, "must be a list of strings");
        var list = new List<string>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw Error($"{name}[{i}]", "must be a string");
            list.Add(item.GetString()!.Trim());
            i++;
        }
        if (required && list.Count == 0) throw Error(name, "must list at least one value");
        return list;
    }

    /// <summary>A list whose items may be written as numbers or strings (codes such as 882 or "882"), as text.</summary>
    public IReadOnlyList<string> StringOrNumberList(string name)
    {
        if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array) throw Error(name, "must be a list");
        var list = new List<string>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            list.Add(item.ValueKind switch
            {
                JsonValueKind.String => item.GetString()!.Trim(),
                JsonValueKind.Number => item.GetRawText(),
                _ => throw Error($"{name}[{i}]", "must be a number or a string"),
            });
            i++;
        }
        return list;
    }

    public JsonFields? Object(string name, bool required)
    {
        if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) throw Error(name, "is required: an object");
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object) throw Error(name, "must be an object");
        return new JsonFields(File, v, Path(name));
    }

    public bool IsString(string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String;

    /// <summary>A list of objects, each read with its index in the path (<c>schedules[2].cron</c>).</summary>
    public IEnumerable<JsonFields> ObjectList(string name)
    {
        if (!element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) yield break;
        if (v.ValueKind != JsonValueKind.Array) throw Error(name, "must be a list of objects");
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw Error($"{name}[{i}]", "must be an object");
            yield return new JsonFields(File, item, Path($"{name}[{i}]"));
            i++;
        }
    }

    public static bool IsIdentifier(string s) => IdentifierPattern().IsMatch(s);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex IdentifierPattern();

}
