using System.Diagnostics;
using System.Text;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace ForumManager.Testing;

/// <summary>Reads a PDF back with real tools: qpdf checks its structure, poppler extracts its text and renders its pages, zbar and ZXing read its QR codes.</summary>
public static class PdfReadBack
{
    public static async Task<string> SaveAsync(byte[] pdf, string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "forum-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, name);
        await File.WriteAllBytesAsync(file, pdf);
        return file;
    }

    /// <summary>Asserts that qpdf finds nothing wrong with the file.</summary>
    public static async Task AssertValidAsync(string file)
    {
        var (exit, output, error) = await RunAsync("/usr/bin/qpdf", "--check", file);
        Assert.True(exit == 0, $"qpdf --check failed ({exit}): {output} {error}");
        Assert.DoesNotContain("WARNING", output + error, StringComparison.Ordinal);
    }

    /// <summary>The text of the PDF as pdftotext gives it, with the bidi marks it adds around right-to-left runs removed.</summary>
    public static async Task<string> TextAsync(string file, int? page = null)
    {
        var arguments = new List<string> { "-enc", "UTF-8" };
        if (page is { } p)
        {
            arguments.AddRange(["-f", p.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", p.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange([file, "-"]);
        var (exit, output, error) = await RunAsync("/usr/bin/pdftotext", [.. arguments]);
        Assert.True(exit == 0, $"pdftotext failed: {error}");
        return new string(output.Where(c => c is not ('\u202A' or '\u202B' or '\u202C' or '\u200E' or '\u200F')).ToArray());
    }

    /// <summary>
    /// Every word pdftotext finds, with its box in points from the page's top left corner and the size of its page:
    /// what a reader sees and where, whatever the program that drew it believed.
    /// </summary>
    public static async Task<IReadOnlyList<PdfWord>> WordsAsync(string file)
    {
        var (exit, output, error) = await RunAsync("/usr/bin/pdftotext", "-bbox", "-enc", "UTF-8", file, "-");
        Assert.True(exit == 0, $"pdftotext -bbox failed: {error}");
        var words = new List<PdfWord>();
        var number = 0;
        float width = 0, height = 0;
        static float F(System.Text.RegularExpressions.Match m, string name) => float.Parse(m.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(output,
            @"<page width=""(?<w>[\d.]+)"" height=""(?<h>[\d.]+)"">|<word xMin=""(?<x0>[\d.-]+)"" yMin=""(?<y0>[\d.-]+)"" xMax=""(?<x1>[\d.-]+)"" yMax=""(?<y1>[\d.-]+)"">(?<text>[^<]*)</word>"))
        {
            if (m.Groups["w"].Success)
            {
                number++;
                width = F(m, "w");
                height = F(m, "h");
                continue;
            }

            var text = System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value);
            text = new string(text.Where(c => c is not ('\u202A' or '\u202B' or '\u202C' or '\u200E' or '\u200F')).ToArray());
            words.Add(new PdfWord(number, width, height, text, F(m, "x0"), F(m, "y0"), F(m, "x1"), F(m, "y1")));
        }

        return words;
    }

    /// <summary>The text with every run of white space (line breaks of fitted text among them) made one space.</summary>
    public static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>Renders one page to PNG with pdftoppm and returns the image's path.</summary>
    public static async Task<string> RenderAsync(string file, int page = 1, int dpi = 200)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(file)!, $"page-{page}");
        var pageText = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, _, error) = await RunAsync("/usr/bin/pdftoppm", "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", pageText, "-l", pageText, "-singlefile", file, prefix);
        Assert.True(exit == 0, $"pdftoppm failed: {error}");
        return prefix + ".png";
    }

    /// <summary>Every QR code zbarimg finds in the image.</summary>
    public static async Task<IReadOnlyList<string>> ZbarAsync(string png)
    {
        var (exit, output, error) = await RunAsync("/usr/bin/zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png);
        Assert.True(exit is 0 or 4, $"zbarimg failed ({exit}): {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Every QR code ZXing.Net finds in the image.</summary>
    public static IReadOnlyList<string> ZXing(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var pixels = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                pixels[y * bitmap.Width + x] = (byte)((c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000);
            }
        }

        var source = new RGBLuminanceSource(pixels, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var results = new ZXing.Multi.QrCode.QRCodeMultiReader().decodeMultiple(
            new BinaryBitmap(new HybridBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE }, [DecodeHintType.TRY_HARDER] = true });
        return results?.Select(r => r.Text).ToList() ?? [];
    }

    public static async Task<(int Exit, string Output, string Error)> RunAsync(string tool, params string[] arguments)
    {
        Assert.True(File.Exists(tool), $"{tool} is missing: scripts/test.sh installs it (poppler-utils, qpdf, zbar-tools).");
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

/// <summary>A word as pdftotext read it: its page (from 1), the page's size, and its box, all in points.</summary>
public sealed record PdfWord(int Page, float PageWidth, float PageHeight, string Text, float XMin, float YMin, float XMax, float YMax)
{
    public float Height => YMax - YMin;

    /// <summary>How far the word stays from the nearest edge of its page.</summary>
    public float Clearance => Math.Min(Math.Min(XMin, YMin), Math.Min(PageWidth - XMax, PageHeight - YMax));
}
