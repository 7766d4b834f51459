using System.Collections.Concurrent;
using System.Globalization;

namespace ForumManager.Documents;

/// <summary>A character that no installed font can draw, in the document and field where it was asked for.</summary>
public sealed record MissingGlyph(string Document, string Field, string Text, int CodePoint)
{
    public string CodePointLabel => "U+" + CodePoint.ToString("X4", CultureInfo.InvariantCulture);
}

/// <summary>
/// What documents could not draw, kept for <c>/health</c>: the count since start and the latest few, so that a
/// missing font on a server is noticed before a delegate's badge is printed without their name.
/// </summary>
public sealed class DocumentHealth
{
    private readonly ConcurrentQueue<MissingGlyph> latest = new();
    private long count;

    public long MissingGlyphCount => Interlocked.Read(ref count);
    public IReadOnlyList<MissingGlyph> Latest => latest.ToArray();

    public void Record(IEnumerable<MissingGlyph> missing)
    {
        foreach (var glyph in missing)
        {
            Interlocked.Increment(ref count);
            latest.Enqueue(glyph);
            while (latest.Count > 20 && latest.TryDequeue(out _))
            {
            }
        }
    }
}

/// <summary>A PDF and the characters it had to leave out.</summary>
public sealed record PdfResult(byte[] Pdf, IReadOnlyList<MissingGlyph> Missing, int Pages);
