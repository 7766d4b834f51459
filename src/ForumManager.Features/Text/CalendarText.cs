using System.Text;

namespace ForumManager.Features.Text;

/// <summary>The lexical rules of RFC 5545 that every calendar the forum writes keeps: escaped text, quoted parameters, folded lines.</summary>
public static class CalendarText
{
    /// <summary>TEXT: backslash, semicolon, comma and line breaks escaped.</summary>
    public static string Text(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// A parameter value, always quoted so that commas, colons and semicolons in a name stay inside it; a quoted value
    /// cannot hold a double quote or a control character, so those are left out.
    /// </summary>
    public static string Parameter(string value) => "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    /// <summary>The content lines, each ended by CRLF and folded after 75 octets with CRLF and a space, never inside a UTF-8 character.</summary>
    public static string Lines(IEnumerable<string> lines)
    {
        var output = new StringBuilder();
        foreach (var line in lines)
        {
            var octets = 0;
            var limit = 75;
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (octets + size > limit)
                {
                    output.Append("\r\n ");
                    octets = 0;
                    limit = 74;
                }

                output.Append(rune.ToString());
                octets += size;
            }

            output.Append("\r\n");
        }

        return output.ToString();
    }
}
