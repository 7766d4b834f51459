using ForumManager.Documents.Text;
using SkiaSharp;
using static ForumManager.Documents.Protocol.ProtocolPage;

namespace ForumManager.Documents.Protocol;

/// <summary>
/// An A4 landscape sheet folded across its middle into a tent that stands on the table. The lower half is the face the
/// room sees; the upper half is the same face turned 180°, so that once folded both faces read the right way up. Every
/// word stays a safe distance from the sheet's edges and from the fold.
/// </summary>
internal static class TentCard
{
    /// <summary>How far every word stays from an edge and from the fold.</summary>
    public static readonly float Safe = 12 * PointsPerMm;

    /// <summary>
    /// A PDF of one tent card per item, each face drawn by <paramref name="face"/>; with no items, one blank sheet, so
    /// the file is still a document a printer takes.
    /// </summary>
    public static PdfResult Print<T>(string title, IEnumerable<T> items, Action<SKCanvas, SKRect, T, List<MissingGlyph>> face)
    {
        var missing = new List<MissingGlyph>();
        var pages = 0;
        using var stream = new MemoryStream();
        using (var document = Pdf(stream, title))
        {
            foreach (var item in items)
            {
                var canvas = document.BeginPage(A4Landscape.Width, A4Landscape.Height);
                Compose(canvas, rect => face(canvas, rect, item, missing));
                document.EndPage();
                pages++;
            }

            if (pages == 0)
            {
                document.BeginPage(A4Landscape.Width, A4Landscape.Height);
                document.EndPage();
                pages = 1;
            }

            document.Close();
        }

        return new PdfResult(stream.ToArray(), missing, pages);
    }

    public static void Compose(SKCanvas canvas, Action<SKRect> face)
    {
        var size = A4Landscape;
        var half = size.Height / 2;
        var lower = new SKRect(Safe, half + Safe, size.Width - Safe, size.Height - Safe);
        face(lower);

        // The upper face: drawn in the lower face's place, turned about the sheet's centre into the upper half.
        canvas.Save();
        canvas.RotateDegrees(180, size.Width / 2, half);
        face(lower);
        canvas.Restore();

        // Where to fold: short ticks in the margins only, never across a name.
        using var tick = new SKPaint { Color = Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(0, half, 6 * PointsPerMm, half, tick);
        canvas.DrawLine(size.Width - 6 * PointsPerMm, half, size.Width, half, tick);
    }
}
