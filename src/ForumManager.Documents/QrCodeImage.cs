using QRCoder;

namespace ForumManager.Documents;

/// <summary>QR codes for screens: a PNG as a <c>data:</c> URI, which the pages' Content-Security-Policy allows.</summary>
public static class QrCodeImage
{
    public static string PngDataUri(string text, int pixelsPerModule = 5)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
