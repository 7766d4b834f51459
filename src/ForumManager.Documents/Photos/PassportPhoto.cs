using ForumManager.Core.Accreditation;
using SkiaSharp;

namespace ForumManager.Documents.Photos;

/// <summary>A crop chosen in the page, in the pixels of the image as it is shown (its orientation applied).</summary>
public readonly record struct PhotoCrop(int X, int Y, int Width, int Height);

/// <summary>Why a file is not taken as a photo: a resource key for the message at the field.</summary>
public enum PhotoProblem
{
    None = 0,
    NotAnImage,
    TooLarge,
    TooManyPixels,
    TooSmall,
}

/// <summary>What is kept of an upload: the photo and its thumbnail as plain JPEGs, or why there is none.</summary>
public sealed record PassportPhotoResult(PhotoProblem Problem, byte[] Jpeg, byte[] Thumbnail, int Width, int Height)
{
    public static PassportPhotoResult Refused(PhotoProblem problem) => new(problem, [], [], 0, 0);
}

/// <summary>
/// Makes a passport-style photo of an uploaded image: the orientation the camera recorded is applied, the image is cut
/// to 3:4 and scaled down, and it is written again as a JPEG, which carries none of the original's metadata (EXIF,
/// GPS, XMP, ICC, comments). Decoding is bounded: the file's size is checked before anything is read, the pixel count
/// from the codec's header before any pixel is decoded, and a JPEG is decoded at the smallest scale its codec offers
/// that still gives the stored size.
/// </summary>
public static class PassportPhoto
{
    private const int Quality = 88;

    public static PassportPhotoResult Process(Stream file, long length, PhotoCrop? crop)
    {
        if (length > PhotoRules.MaxBytes)
        {
            return PassportPhotoResult.Refused(PhotoProblem.TooLarge);
        }

        if (length <= 0)
        {
            return PassportPhotoResult.Refused(PhotoProblem.NotAnImage);
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = file.Read(bytes, read, (int)(length - read));
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read < length || file.ReadByte() != -1)
        {
            // The stream was not the length it said; what did arrive is not trusted either way.
            return PassportPhotoResult.Refused(read < length ? PhotoProblem.NotAnImage : PhotoProblem.TooLarge);
        }

        return Process(bytes, crop);
    }

    public static PassportPhotoResult Process(byte[] bytes, PhotoCrop? crop)
    {
        if (bytes.Length > PhotoRules.MaxBytes)
        {
            return PassportPhotoResult.Refused(PhotoProblem.TooLarge);
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = data is null ? null : SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return PassportPhotoResult.Refused(PhotoProblem.NotAnImage);
        }

        var raw = codec.Info;
        if (raw.Width <= 0 || raw.Height <= 0)
        {
            return PassportPhotoResult.Refused(PhotoProblem.NotAnImage);
        }

        if ((long)raw.Width * raw.Height > PhotoRules.MaxPixels)
        {
            return PassportPhotoResult.Refused(PhotoProblem.TooManyPixels);
        }

        var origin = codec.EncodedOrigin;
        var swaps = SwapsSides(origin);
        var shownWidth = swaps ? raw.Height : raw.Width;
        var shownHeight = swaps ? raw.Width : raw.Height;
        var area = Fit(crop, shownWidth, shownHeight);
        if (area.Width < PhotoRules.MinWidth || area.Height < PhotoRules.MinHeight)
        {
            return PassportPhotoResult.Refused(PhotoProblem.TooSmall);
        }

        var outWidth = Math.Min(PhotoRules.MaxWidth, area.Width);
        var outHeight = (int)Math.Round(outWidth * 4 / 3.0);

        // A JPEG decodes at 1/2, 1/4 or 1/8 for little more than the cost of reading it: take the smallest that keeps the output sharp.
        var wanted = Math.Min(1f, (float)outWidth / area.Width);
        var scaled = codec.GetScaledDimensions(wanted);
        if (scaled.Width <= 0 || scaled.Height <= 0 || scaled.Width > raw.Width)
        {
            scaled = new SKSizeI(raw.Width, raw.Height);
        }

        using var decoded = new SKBitmap(new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return PassportPhotoResult.Refused(PhotoProblem.NotAnImage);
        }

        using var image = SKImage.FromBitmap(decoded);
        var factor = (float)scaled.Width / raw.Width;
        var jpeg = Draw(image, origin, scaled.Width, scaled.Height, area, factor, outWidth, outHeight);
        var thumbnail = Draw(image, origin, scaled.Width, scaled.Height, area, factor, PhotoRules.ThumbnailWidth, PhotoRules.ThumbnailHeight);
        return new PassportPhotoResult(PhotoProblem.None, jpeg, thumbnail, outWidth, outHeight);
    }

    /// <summary>The crop asked for, made 3:4 and kept inside the image; a centred 3:4 crop when none was asked for (a page without script) or it makes no sense.</summary>
    public static PhotoCrop Fit(PhotoCrop? asked, int width, int height)
    {
        if (asked is { Width: > 0 } c && c.X >= 0 && c.Y >= 0 && c.X < width && c.Y < height)
        {
            var w = Math.Min(c.Width, width - c.X);
            var h = (int)Math.Round(w * 4 / 3.0);
            if (c.Y + h > height)
            {
                h = height - c.Y;
                w = (int)Math.Floor(h * 3 / 4.0);
                h = (int)Math.Round(w * 4 / 3.0);
            }

            if (w > 0 && h > 0 && c.Y + h <= height)
            {
                return new PhotoCrop(c.X, c.Y, w, h);
            }
        }

        var cropWidth = Math.Min(width, (int)Math.Floor(height * 3 / 4.0));
        var cropHeight = Math.Min(height, (int)Math.Round(cropWidth * 4 / 3.0));
        return new PhotoCrop((width - cropWidth) / 2, (height - cropHeight) / 2, cropWidth, cropHeight);
    }

    private static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Maps the decoded pixels to the image as it is meant to be seen (EXIF orientations 1 to 8).</summary>
    private static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>The crop of the upright image drawn into a new JPEG of the size given.</summary>
    private static byte[] Draw(SKImage image, SKEncodedOrigin origin, int decodedWidth, int decodedHeight, PhotoCrop area, float factor, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("No surface for the photo.");
        var canvas = surface.Canvas;

        // A transparent PNG is shown on white, as it would be printed.
        canvas.Clear(SKColors.White);
        var upright = Orientation(origin, decodedWidth, decodedHeight);
        var toCrop = SKMatrix.CreateTranslation(-area.X * factor, -area.Y * factor);
        var toOut = SKMatrix.CreateScale(width / (area.Width * factor), height / (area.Height * factor));
        canvas.SetMatrix(toOut.PreConcat(toCrop).PreConcat(upright));
        using var paint = new SKPaint { IsAntialias = true };
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        canvas.Flush();

        using var pixels = new SKBitmap(info.WithColorSpace(null));
        using var snapshot = surface.Snapshot();
        if (!snapshot.ReadPixels(pixels.Info, pixels.GetPixels(), pixels.RowBytes, 0, 0))
        {
            throw new InvalidOperationException("The photo could not be read back.");
        }

        // Written from pixels without a colour space, the JPEG has a JFIF header and nothing else: no EXIF, no ICC profile.
        using var pixmap = pixels.PeekPixels();
        using var encoded = pixmap.Encode(new SKJpegEncoderOptions(Quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return encoded?.ToArray() ?? throw new InvalidOperationException("The photo could not be written as a JPEG.");
    }
}
