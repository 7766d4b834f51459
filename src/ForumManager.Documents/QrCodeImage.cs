using QRCoder;

namespace ForumManager.Documents;

/// <summary>QR codes for screens: a PNG as a <c>data:</c> URI, which the pages' Content-Security-Policy allows.</summary>
public static class QrCodeImage
{
    public static string PngDataUri(string text, int pixelsPerModule = 5) => "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));

    /// <summary>The code as PNG bytes, for a mail attachment.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 5)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
