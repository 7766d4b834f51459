using System.Diagnostics;

namespace ForumManager.Documents.Tests;

public sealed class QrCodeImageTests
{
    [Theory]
    [InlineData("otpauth://totp/ForumManager:organizer%40forum.example.org?secret=JBSWY3DPEHPK3PXP&issuer=ForumManager&digits=6")]
    [InlineData("欢迎 Добро пожаловать")]
    public async Task Should_draw_a_QR_code_that_a_real_scanner_reads_back(string text)
    {
        var uri = QrCodeImage.PngDataUri(text);
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, uri, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(uri[prefix.Length..]));
        try
        {
            Assert.Equal(text, await ScanAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> ScanAsync(string file)
    {
        Assert.True(File.Exists("/usr/bin/zbarimg"), "zbarimg is missing: install Debian's zbar-tools (scripts/test.sh does it as root).");
        var start = new ProcessStartInfo("/usr/bin/zbarimg", ["--raw", "-q", "-Sbinary", file]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n');
    }
}
