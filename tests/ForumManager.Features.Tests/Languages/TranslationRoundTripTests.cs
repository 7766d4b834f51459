using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ForumManager.Core.Auditing;
using ForumManager.Core.Languages;
using ForumManager.Data;
using ForumManager.Features.Languages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Features.Tests.Languages;

/// <summary>The translators' round trip: a language's missing texts out as XLIFF 2.0 or CSV, back in translated, and the report.</summary>
public sealed class TranslationRoundTripTests : IAsyncLifetime
{
    private static readonly XNamespace X = TranslationFiles.XliffNamespace;
    private static readonly Actor Organizer = new(null, "organizer@example.org");
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Should_fill_every_missing_Japanese_text_from_the_translated_XLIFF_file_and_then_report_Japanese_complete()
    {
        var forum = await PublishInAsync("ja");
        var missing = await RunAsync(s => s.GetRequiredService<TranslationReport>().LinesAsync(forum.Id, "ja", CancellationToken.None));
        Assert.True(missing.Count > 40, $"the demo edition has {missing.Count} texts");
        Assert.All(missing, l => Assert.Equal(TranslationState.Missing, l.State));
        Assert.Contains(missing, l => l.Text.Field == ContentFields.SessionTitle);
        Assert.Contains(missing, l => l.Text.Field == ContentFields.NoticeBody);

        var file = TranslationFiles.Xliff(forum, "ja", missing);
        Validate(file);
        var document = XDocument.Parse(Encoding.UTF8.GetString(file));
        Assert.Equal("ja", document.Root!.Attribute("trgLang")!.Value);
        Assert.Equal(missing.Count, document.Descendants(X + "unit").Count());

        // The translator fills in every target (keeping the placeholders of the notices' wording) and marks it translated.
        foreach (var segment in document.Descendants(X + "segment"))
        {
            segment.SetAttributeValue("state", "translated");
            segment.Add(new XElement(X + "target", "【訳】" + segment.Element(X + "source")!.Value));
        }

        var translated = Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
        Validate(translated);
        var read = TranslationFiles.ReadXliff(translated);
        Assert.Empty(read.Problems);
        Assert.Equal("ja", read.Language);
        var (saved, errors) = await RunAsync(s => s.GetRequiredService<ContentTexts>().SaveAsync(forum, read.Language, read.Translations, Organizer, CancellationToken.None));

        Assert.True(errors.IsEmpty, string.Join("; ", errors.All));
        Assert.Equal(missing.Count, saved!.Changed);
        var japanese = Assert.Single(await RunAsync(s => s.GetRequiredService<TranslationReport>().StandingAsync(forum, CancellationToken.None)));
        Assert.Equal(("ja", 0, 0, missing.Count), (japanese.Language, japanese.Missing, japanese.Outdated, japanese.Translated));
        Assert.True(japanese.Complete);

        // Nothing is left to download, and the same file again changes nothing.
        var after = await RunAsync(s => s.GetRequiredService<TranslationReport>().LinesAsync(forum.Id, "ja", CancellationToken.None));
        Assert.DoesNotContain(after, l => l.State != TranslationState.Translated);
        var again = await RunAsync(s => s.GetRequiredService<ContentTexts>().SaveAsync(forum, "ja", read.Translations, Organizer, CancellationToken.None));
        Assert.Equal((0, missing.Count), (again.Saved!.Changed, again.Saved.Unchanged));
    }

    [Fact]
    public async Task Should_show_a_translation_as_out_of_date_once_its_English_changes_until_it_is_saved_again()
    {
        var forum = await PublishInAsync("ru");
        var session = await _harness.QueryAsync(db => db.Sessions.AsNoTracking().OrderBy(s => s.Id).FirstAsync(s => s.ForumId == forum.Id));
        await SaveAsync(forum, "ru", new TranslationInput(ContentFields.SessionTitle, session.Id, "Пленарное заседание"));

        await _harness.RunAsync(async s =>
        {
            var db = s.GetRequiredService<ForumDbContext>();
            var changed = await db.Sessions.SingleAsync(x => x.Id == session.Id);
            changed.TitleEn += " (moved)";
            return await db.SaveChangesAsync();
        });

        var line = (await Lines(forum.Id, "ru")).Single(l => l.Text.Field == ContentFields.SessionTitle && l.Text.Item == session.Id);
        Assert.Equal((TranslationState.Outdated, "Пленарное заседание"), (line.State, line.Value));
        var report = Assert.Single(await RunAsync(s => s.GetRequiredService<TranslationReport>().StandingAsync(forum, CancellationToken.None)));
        Assert.Equal(1, report.Outdated);

        // The missing-texts file carries it, with the translation for the translator to revise.
        var unit = XDocument.Parse(Encoding.UTF8.GetString(TranslationFiles.Xliff(forum, "ru", (await Lines(forum.Id, "ru")).Where(l => l.State != TranslationState.Translated))))
            .Descendants(X + "unit").Single(u => u.Attribute("id")!.Value == $"session.title.{session.Id}");
        Assert.Equal("Пленарное заседание", unit.Descendants(X + "target").Single().Value);
        Assert.Equal("initial", unit.Element(X + "segment")!.Attribute("state")!.Value);

        await SaveAsync(forum, "ru", new TranslationInput(ContentFields.SessionTitle, session.Id, "Пленарное заседание (перенесено)"));
        Assert.Equal(TranslationState.Translated, (await Lines(forum.Id, "ru")).Single(l => l.Text.Key == $"session.title.{session.Id}").State);
    }

    [Fact]
    public async Task Should_refuse_a_file_whose_notice_wording_does_not_parse_or_that_names_an_unknown_text_and_save_none_of_it()
    {
        var forum = await PublishInAsync("fr");
        var inputs = new[]
        {
            new TranslationInput(ContentFields.ForumName, forum.Id, "Forum de coopération"),
            new TranslationInput(ContentFields.NoticeBody, (int)Core.Notices.NoticeKind.Approved, "Cher {{ delegate.name "),
            new TranslationInput(ContentFields.SessionTitle, 999_999, "Séance"),
        };

        var (saved, errors) = await RunAsync(s => s.GetRequiredService<ContentTexts>().SaveAsync(forum, "fr", inputs, Organizer, CancellationToken.None));

        Assert.Null(saved);
        Assert.Contains(errors.All, e => e.Field == $"notice.body.{(int)Core.Notices.NoticeKind.Approved}");
        Assert.Contains(errors.All, e => e.Field == "session.title.999999");
        Assert.DoesNotContain(errors.All, e => e.Field.StartsWith("forum.", StringComparison.Ordinal));
        Assert.Equal(0, await _harness.QueryAsync(db => db.ContentTranslations.CountAsync(t => t.Language == "fr" && t.UpdatedBy == Organizer.Name)));
    }

    [Fact]
    public async Task Should_read_a_translation_tools_file_with_a_regional_language_and_inline_markup()
    {
        var forum = await PublishInAsync("es");
        var session = await _harness.QueryAsync(db => db.Sessions.AsNoTracking().OrderBy(s => s.Id).FirstAsync(s => s.ForumId == forum.Id));
        var file = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="es-ES">
              <file id="f1"><unit id="session.title.{session.Id}"><segment state="translated"><source>{session.TitleEn}</source><target><mrk id="m1" translate="yes">Reunión</mrk> de líderes<ph id="p1"/></target></segment></unit></file>
            </xliff>
            """;

        var read = TranslationFiles.ReadXliff(Encoding.UTF8.GetBytes(file));

        Assert.Empty(read.Problems);
        Assert.Equal("es", read.Language);
        Assert.Equal(("session.title", session.Id, "Reunión de líderes"), (Assert.Single(read.Translations).Field, read.Translations[0].Item, read.Translations[0].Value));
    }

    [Fact]
    public async Task Should_refuse_a_control_character_and_still_write_the_file_when_an_English_text_holds_one()
    {
        var forum = await PublishInAsync("pt");
        var room = await _harness.QueryAsync(db => db.Rooms.AsNoTracking().OrderBy(r => r.Id).FirstAsync(r => r.ForumId == forum.Id));

        var (saved, errors) = await RunAsync(s => s.GetRequiredService<ContentTexts>()
            .SaveAsync(forum, "pt", [new TranslationInput(ContentFields.RoomName, room.Id, "Salão\v1")], Organizer, CancellationToken.None));
        Assert.Null(saved);
        Assert.Equal($"room.name.{room.Id}", Assert.Single(errors.All).Field);

        // An English name that came in with one (an old import, say) is written without it; the file stays XML.
        await _harness.QueryAsync(db => db.Rooms.Where(r => r.Id == room.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.NameEn, "Grand\vBallroom")));
        var xliff = TranslationFiles.Xliff(forum, "pt", await Lines(forum.Id, "pt"));
        Validate(xliff);
        Assert.Contains("<source xml:space=\"preserve\">GrandBallroom</source>", Encoding.UTF8.GetString(xliff), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_language_the_edition_does_not_publish_in()
    {
        var forum = await PublishInAsync("ru");

        var (saved, errors) = await RunAsync(s => s.GetRequiredService<ContentTexts>()
            .SaveAsync(forum, "ko", [new TranslationInput(ContentFields.ForumName, forum.Id, "포럼")], Organizer, CancellationToken.None));

        Assert.Null(saved);
        Assert.Equal("Language", Assert.Single(errors.All).Field);
    }

    [Fact]
    public void Should_refuse_an_XLIFF_file_with_a_document_type_declaration_without_reading_what_it_points_at()
    {
        const string hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
              <file id="f1"><unit id="forum.name.1"><segment><source>Forum</source><target>&secret;</target></segment></unit></file>
            </xliff>
            """;

        var read = TranslationFiles.ReadXliff(Encoding.UTF8.GetBytes(hostile));

        Assert.Empty(read.Translations);
        Assert.Equal("Languages_XmlError", Assert.Single(read.Problems).MessageKey);
    }

    [Fact]
    public async Task Should_read_back_the_CSV_file_it_wrote_with_the_translations_a_spreadsheet_added()
    {
        var forum = await PublishInAsync("es");
        await _harness.QueryAsync(db => db.Rooms.Where(r => r.ForumId == forum.Id).OrderBy(r => r.Id).Take(1).ExecuteUpdateAsync(u => u.SetProperty(r => r.NameEn, "-1 Hall")));
        var lines = (await Lines(forum.Id, "es")).Where(l => l.Text.Field is ContentFields.SessionTitle or ContentFields.RoomName).ToList();
        var csv = Encoding.UTF8.GetString(await TranslationFiles.CsvAsync("es", lines, CancellationToken.None)).TrimStart('\uFEFF');
        var rows = csv.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("key,English,中文,es", rows[0]);

        // Each row gets a translation in the last column, as a spreadsheet would save it; one begins with a minus sign.
        var filled = new StringBuilder(rows[0]).Append('\n');
        foreach (var row in rows.Skip(1))
        {
            var key = row[..row.IndexOf(',', StringComparison.Ordinal)];
            filled.Append(row).Append(key.StartsWith("room.", StringComparison.Ordinal) ? "\"- Sala\"" : "\"Sesión " + key + "\"").Append('\n');
        }

        var read = TranslationFiles.ReadTable("es.csv", Encoding.UTF8.GetBytes(filled.ToString()), "es", CancellationToken.None);
        Assert.Empty(read.Problems);
        Assert.Equal(lines.Count, read.Translations.Count);
        await SaveAsync(forum, "es", [.. read.Translations]);

        var now = await Lines(forum.Id, "es");
        Assert.All(now.Where(l => l.Text.Field == ContentFields.RoomName), l => Assert.Equal(("- Sala", TranslationState.Translated), (l.Value, l.State)));
        Assert.All(now.Where(l => l.Text.Field == ContentFields.SessionTitle), l => Assert.Equal("Sesión " + l.Text.Key, l.Value));
    }

    private async Task<Core.Forums.Forum> PublishInAsync(params string[] languages)
    {
        var forum = await _harness.ForumAsync();
        await RunAsync(async s =>
        {
            await s.GetRequiredService<ContentTexts>().SetLanguagesAsync(forum.Id, languages, Organizer, CancellationToken.None);
            return 0;
        });
        return await _harness.ForumAsync();
    }

    private Task<List<TranslationLine>> Lines(int forumId, string language) =>
        RunAsync(s => s.GetRequiredService<TranslationReport>().LinesAsync(forumId, language, CancellationToken.None));

    private async Task SaveAsync(Core.Forums.Forum forum, string language, params TranslationInput[] inputs)
    {
        var (saved, errors) = await RunAsync(s => s.GetRequiredService<ContentTexts>().SaveAsync(forum, language, inputs, Organizer, CancellationToken.None));
        Assert.True(saved is not null, string.Join("; ", errors.All));
    }

    private Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work) => _harness.RunAsync(work);

    /// <summary>
    /// Validates against the XLIFF 2.0 core schema: OASIS's own when it is placed in the shared validators, and always the
    /// core elements as the specification defines them (the schema beside this file).
    /// </summary>
    private static void Validate(byte[] xliff)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(TranslationFiles.XliffNamespace, Path.Combine(AppContext.BaseDirectory, "Languages", "xliff-2.0-core.xsd"));
        var official = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/validators/xliff/xliff_core_2.0.xsd"));
        var errors = new List<string>();
        foreach (var set in File.Exists(official) ? [schemas, Official(official)] : new[] { schemas })
        {
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
            settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
            using var reader = XmlReader.Create(new MemoryStream(xliff), settings);
            while (reader.Read())
            {
            }
        }

        Assert.Empty(errors);
    }

    private static XmlSchemaSet Official(string path)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(TranslationFiles.XliffNamespace, path);
        return set;
    }
}
