using System.Globalization;
using System.Text;
using System.Xml;
using ForumManager.Core.Forums;
using ForumManager.Core.Languages;
using ForumManager.Features.Imports;
using ForumManager.Features.Text;

namespace ForumManager.Features.Languages;

/// <summary>What reading a translator's file gave: the translations in it, and what could not be read, by unit or row.</summary>
public sealed record TranslationFile(string Language, List<TranslationInput> Translations, List<(string Where, string MessageKey, object[] Arguments)> Problems);

/// <summary>
/// The translators' round trip: the texts of one language as an XLIFF 2.0 document (OASIS, core only) or a CSV file,
/// and the same files read back. Units are named by the text's key (<c>session.title.12</c>); the source is the English,
/// the Chinese goes along as a note. Reading is bounded: the file's size, no DTD, a fixed number of characters.
/// </summary>
public static class TranslationFiles
{
    public const string XliffNamespace = "urn:oasis:names:tc:xliff:document:2.0";
    public const string XliffType = "application/xliff+xml";
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The lines as an XLIFF 2.0 document; a line already translated carries its translation, in the state it is in.</summary>
    public static byte[] Xliff(Forum forum, string language, IEnumerable<TranslationLine> lines)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartElement("xliff", XliffNamespace);
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("srcLang", ContentLanguages.English);
            xml.WriteAttributeString("trgLang", language);
            xml.WriteStartElement("file", XliffNamespace);
            xml.WriteAttributeString("id", "f1");
            xml.WriteAttributeString("original", Writable(forum.Acronym));
            foreach (var line in lines)
            {
                xml.WriteStartElement("unit", XliffNamespace);
                xml.WriteAttributeString("id", line.Text.Key);
                xml.WriteAttributeString("name", line.Text.Field);
                if (ContentLanguages.RightToLeft(language))
                {
                    xml.WriteAttributeString("trgDir", "rtl");
                }

                if (!string.IsNullOrWhiteSpace(line.Text.Chinese))
                {
                    xml.WriteStartElement("notes", XliffNamespace);
                    xml.WriteStartElement("note", XliffNamespace);
                    xml.WriteAttributeString("category", "zh-Hans");
                    xml.WriteString(Writable(line.Text.Chinese));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("segment", XliffNamespace);
                xml.WriteAttributeString("state", line.State == TranslationState.Translated ? "translated" : "initial");
                xml.WriteStartElement("source", XliffNamespace);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(Writable(line.Text.English));
                xml.WriteEndElement();
                if (line.Value is not null)
                {
                    xml.WriteStartElement("target", XliffNamespace);
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(Writable(line.Value));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>The lines as CSV: key, English, Chinese, and a column named by the language for the translation.</summary>
    public static Task<byte[]> CsvAsync(string language, IEnumerable<TranslationLine> lines, CancellationToken ct) =>
        Spreadsheets.CsvAsync(["key", "English", "中文", language],
            lines.Select(l => (IReadOnlyList<object?>)[l.Text.Key, l.Text.English, l.Text.Chinese, l.Value]), ct);

    /// <summary>Reads an XLIFF 2.0 file's translations: every unit with a non-empty target, its source kept as the English it translates.</summary>
    public static TranslationFile ReadXliff(byte[] content)
    {
        var problems = new List<(string, string, object[])>();
        var translations = new List<TranslationInput>();
        string? language = null;
        if (content.Length > MaxBytes)
        {
            return Refused("Import_TooBig", MaxBytes / 1024 / 1024);
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxBytes * 2L, IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), settings);
            string? unit = null, source = null, target = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI != XliffNamespace && reader.Depth == 0)
                {
                    return Refused("Languages_NotXliff");
                }

                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != XliffNamespace)
                {
                    if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "unit" && unit is not null)
                    {
                        Take(unit, source, target, translations, problems);
                        unit = source = target = null;
                    }

                    continue;
                }

                switch (reader.LocalName)
                {
                    case "xliff":
                        if (reader.GetAttribute("version") is not ("2.0" or "2.1") || reader.GetAttribute("srcLang") is not { } src
                            || !src.StartsWith(ContentLanguages.English, StringComparison.OrdinalIgnoreCase))
                        {
                            return Refused("Languages_NotXliff");
                        }

                        // Tools write a region ("fr-FR", "pt-BR"): the language is the first subtag, Chinese apart.
                        var trgLang = reader.GetAttribute("trgLang") ?? string.Empty;
                        language = ContentLanguages.Find(trgLang)?.Code ?? ContentLanguages.Find(trgLang.Split('-')[0])?.Code ?? trgLang;
                        break;
                    case "unit":
                        unit = reader.GetAttribute("id");
                        break;
                    case "source" when unit is not null:
                        source = (source ?? string.Empty) + TextOf(reader);
                        break;
                    case "target" when unit is not null:
                        target = (target ?? string.Empty) + TextOf(reader);
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            return Refused("Languages_XmlError", e.LineNumber, e.LinePosition);
        }

        return language is null ? Refused("Languages_NotXliff") : new TranslationFile(language, translations, problems);

        TranslationFile Refused(string key, params object[] arguments) => new(language ?? string.Empty, [], [(string.Empty, key, arguments)]);
    }

    /// <summary>Reads a CSV or XLSX file with a <c>key</c> column and a column named by the language.</summary>
    public static TranslationFile ReadTable(string fileName, byte[] content, string language, CancellationToken ct)
    {
        var problems = new List<(string, string, object[])>();
        var translations = new List<TranslationInput>();
        IReadOnlyList<ImportRow> rows;
        try
        {
            rows = ImportFile.Read(fileName, content, ["key", ImportFile.ColumnKey(language)], ct);
        }
        catch (ImportFileException e)
        {
            return new TranslationFile(language, [], [(string.Empty, e.MessageKey, e.Arguments)]);
        }

        foreach (var row in rows)
        {
            if (row["key"] is { } key)
            {
                Take(key, Unescape(row["english"]), Unescape(row[ImportFile.ColumnKey(language)]), translations, problems);
            }
        }

        return new TranslationFile(language, translations, problems);
    }

    /// <summary>
    /// A source's or target's text, with the text inside inline markup a translation tool may add (<c>mrk</c>,
    /// <c>pc</c>) kept and empty codes (<c>ph</c>) dropped; the reader is left on the element's end.
    /// </summary>
    private static string TextOf(XmlReader reader)
    {
        using var element = reader.ReadSubtree();
        var text = new StringBuilder();
        while (element.Read())
        {
            if (element.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(element.Value);
            }
        }

        return text.ToString();
    }

    /// <summary>Characters XML 1.0 cannot hold (most C0 controls, a lone surrogate) are left out of what is written.</summary>
    private static string Writable(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.Length == text.Length ? text : kept.ToString();
    }

    private static void Take(string key, string? source, string? target, List<TranslationInput> translations, List<(string, string, object[])> problems)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return;
        }

        var dot = key.LastIndexOf('.');
        if (dot <= 0 || !int.TryParse(key.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var item))
        {
            problems.Add((key, "Languages_UnknownText", [key]));
            return;
        }

        translations.Add(new TranslationInput(key[..dot], item, target, source));
    }

    /// <summary>A spreadsheet cell the export escaped (a leading apostrophe before = + - @) is read back as written.</summary>
    private static string? Unescape(string? cell) =>
        cell is { Length: > 1 } && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;
}
