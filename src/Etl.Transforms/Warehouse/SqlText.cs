using System.Text;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>Reads SQL text the way DuckDB does for what the runner needs: statements, comments and string literals.</summary>
public static class SqlText
{
    /// <summary>
    /// The statements of a script, split at semicolons outside string literals, quoted identifiers and comments,
    /// each trimmed, without its semicolon; comment-only pieces are dropped.
    /// </summary>
    public static IReadOnlyList<string> Statements(string sql)
    {
        var statements = new List<string>();
        var start = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\'' || c == '"') i = SkipQuoted(sql, i, c);
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-') i = SkipTo(sql, i, "\n");
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*') i = SkipTo(sql, i + 2, "*/") ;
            else if (c == ';')
            {
                Add(sql[start..i]);
                start = ++i;
            }
            else i++;
        }
        Add(sql[start..]);
        return statements;

        void Add(string s)
        {
            if (WithoutComments(s).Trim().Length > 0) statements.Add(s.Trim());
        }
    }

    /// <summary>The text with comments replaced by spaces and string literals by empty literals (for finding references).</summary>
    public static string WithoutCommentsAndStrings(string sql) => Strip(sql, strings: true);

    /// <summary>
    /// The text as DuckDB reads it, for telling whether two versions of a query compute the same: comments removed and
    /// runs of whitespace outside string literals and quoted names made one space.
    /// </summary>
    public static string Canonical(string sql)
    {
        var text = WithoutComments(sql);
        var b = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'' || c == '"')
            {
                var end = SkipQuoted(text, i, c);
                b.Append(text, i, end - i);
                i = end;
            }
            else if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (b.Length > 0 && i < text.Length) b.Append(' ');
            }
            else
            {
                b.Append(c);
                i++;
            }
        }
        return b.ToString();
    }

    /// <summary>The text with comments replaced by spaces.</summary>
    public static string WithoutComments(string sql) => Strip(sql, strings: false);

    static string Strip(string sql, bool strings)
    {
        var b = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            int end;
            if (c == '\'' || c == '"')
            {
                end = SkipQuoted(sql, i, c);
                b.Append(strings && c == '\'' ? "''" : sql[i..end]);
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                end = SkipTo(sql, i, "\n");
                b.Append(' ');
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                end = SkipTo(sql, i + 2, "*/");
                b.Append(' ');
            }
            else
            {
                b.Append(c);
                end = i + 1;
            }
            i = end;
        }
        return b.ToString();
    }

    /// <summary>The index after the closing quote (a doubled quote is part of the text).</summary>
    static int SkipQuoted(string sql, int open, char quote)
    {
        var i = open + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote) i += 2;
                else return i + 1;
            }
            else i++;
        }
        return sql.Length;
    }

    static int SkipTo(string sql, int from, string end)
    {
        var at = sql.IndexOf(end, from, StringComparison.Ordinal);
        return at < 0 ? sql.Length : at + end.Length;
    }
}
