using System.Collections.Concurrent;
using System.Globalization;

namespace ForumManager.Documents;

/// <summary>
/// A character that no installed font can draw, in the document and field where it was asked for, and the delegate
/// whose badge or letter it was (null on lists and samples). <paramref name="Text"/> is for the person printing, who
/// may see it; <c>/health</c> keeps only the code point and the delegate's id.
/// </summary>
public sealed record MissingGlyph(string Document, string Field, string Text, int CodePoint, int? DelegateId = null)
{
    public string CodePointLabel => Label(CodePoint);

    public static string Label(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
}

/// <summary>What <c>/health</c> remembers of a missing character: where, which code point, whose; never the text it was in.</summary>
public sealed record MissingGlyphReport(string Document, string Field, int CodePoint, int? DelegateId)
{
    public string CodePointLabel => MissingGlyph.Label(CodePoint);
}

/// <summary>
/// What documents could not draw, kept for <c>/health</c>: the count since start and the latest few, so that a
/// missing font on a server is noticed before a delegate's badge is printed without their name.
/// </summary>
public sealed class DocumentHealth
{
    private readonly ConcurrentQueue<MissingGlyphReport> latest = new();
    private long count;

    public long MissingGlyphCount => Interlocked.Read(ref count);
    public IReadOnlyList<MissingGlyphReport> Latest => latest.ToArray();

    public void Record(IEnumerable<MissingGlyph> missing)
    {
        foreach (var glyph in missing)
        {
            Interlocked.Increment(ref count);
            latest.Enqueue(new MissingGlyphReport(glyph.Document, glyph.Field, glyph.CodePoint, glyph.DelegateId));
            while (latest.Count > 20 && latest.TryDequeue(out _))
            {
            }
        }
    }
}

/// <summary>A PDF and the characters it had to leave out.</summary>
public sealed record PdfResult(byte[] Pdf, IReadOnlyList<MissingGlyph> Missing, int Pages);
