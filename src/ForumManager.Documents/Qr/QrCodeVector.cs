using QRCoder;
using SkiaSharp;

namespace ForumManager.Documents.Qr;

/// <summary>A QR code drawn as vector squares (one rectangle per run of dark modules in a row), sharp at any size.</summary>
public static class QrCodeVector
{
    /// <summary>The modules, quiet zone of four included, as a path in module units.</summary>
    public static (SKPath Path, int Modules) Build(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        using var builder = new SKPathBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            var x = 0;
            while (x < size)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < size && row[x])
                {
                    x++;
                }

                builder.AddRect(new SKRect(start, y, x, y + 1), SKPathDirection.Clockwise);
            }
        }

        return (builder.Detach(), size);
    }

    /// <summary>Draws the code into a square of side <paramref name="side"/> at (<paramref name="left"/>, <paramref name="top"/>), on white.</summary>
    public static void Draw(SKCanvas canvas, string text, float left, float top, float side)
    {
        var (path, modules) = Build(text);
        using (path)
        {
            using var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
            canvas.DrawRect(left, top, side, side, white);
            var scale = side / modules;
            canvas.Save();
            canvas.Translate(left, top);
            canvas.Scale(scale);
            using var black = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
            canvas.DrawPath(path, black);
            canvas.Restore();
        }
    }
}
