using System.Text;
using ForumManager.Documents.Photos;
using ForumManager.Testing;
using SkiaSharp;

namespace ForumManager.Documents.Tests;

public sealed class PassportPhotoTests
{
    private static SKColor At(SKBitmap bitmap, int x, int y) => bitmap.GetPixel(x, y);

    private static bool IsRed(SKColor c) => c.Red > 150 && c.Green < 90 && c.Blue < 90;
    private static bool IsGreen(SKColor c) => c.Green > 150 && c.Red < 90 && c.Blue < 90;

    [Fact]
    public void Should_keep_no_metadata_of_a_phone_photo_with_its_gps_position()
    {
        var upload = TestPhotos.WithMetadata(TestPhotos.Jpeg(900, 1200));
        Assert.Contains((byte)0xE1, TestPhotos.Markers(upload));
        Assert.Contains(TestPhotos.GpsText, Encoding.ASCII.GetString(upload), StringComparison.Ordinal);

        var photo = PassportPhoto.Process(upload, crop: null);

        Assert.Equal(PhotoProblem.None, photo.Problem);
        foreach (var jpeg in new[] { photo.Jpeg, photo.Thumbnail })
        {
            // A JFIF header and the picture's own tables: no APP1 (EXIF, XMP), no APP2 (ICC), no comment.
            var markers = TestPhotos.Markers(jpeg);
            Assert.DoesNotContain(markers, m => m is >= 0xE1 and <= 0xEF or 0xFE);
            Assert.Equal(0xD9, jpeg[^1]);
            var text = Encoding.ASCII.GetString(TestPhotos.Header(jpeg));
            Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
            Assert.DoesNotContain("GPS", text, StringComparison.Ordinal);
            Assert.DoesNotContain("xmp", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal((600, 800), (photo.Width, photo.Height));
        using var decoded = SKBitmap.Decode(photo.Thumbnail);
        Assert.Equal((120, 160), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Should_turn_a_sideways_phone_photo_upright()
    {
        var upload = TestPhotos.SidewaysPhone();
        using (var codec = SKCodec.Create(new MemoryStream(upload)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
            Assert.Equal((800, 600), (codec.Info.Width, codec.Info.Height));
        }

        var photo = PassportPhoto.Process(upload, crop: null);

        Assert.Equal(PhotoProblem.None, photo.Problem);
        using var upright = SKBitmap.Decode(photo.Jpeg);
        Assert.Equal((600, 800), (upright.Width, upright.Height));
        Assert.True(IsRed(At(upright, 300, 20)), $"top edge is {At(upright, 300, 20)}");
        Assert.False(IsRed(At(upright, 300, 780)), $"bottom edge is {At(upright, 300, 780)}");
        Assert.True(IsGreen(At(upright, 590, 400)), $"right edge is {At(upright, 590, 400)}");
        Assert.False(IsGreen(At(upright, 10, 400)), $"left edge is {At(upright, 10, 400)}");
    }

    [Fact]
    public void Should_cut_the_part_chosen_in_the_page_and_the_centre_without_a_choice()
    {
        // Left half red, right half green, 1600 × 1000: the centre 750 × 1000 straddles both; a frame on the right is all green.
        var upload = TestPhotos.Jpeg(1600, 1000, (canvas, w, h) =>
        {
            using var red = new SKPaint { Color = new SKColor(220, 20, 20) };
            using var green = new SKPaint { Color = new SKColor(20, 200, 20) };
            canvas.DrawRect(SKRect.Create(0, 0, w / 2, h), red);
            canvas.DrawRect(SKRect.Create(w / 2, 0, w / 2, h), green);
        });

        var chosen = PassportPhoto.Process(upload, new PhotoCrop(1000, 100, 450, 600));
        var centred = PassportPhoto.Process(upload, crop: null);

        using var right = SKBitmap.Decode(chosen.Jpeg);
        Assert.Equal((450, 600), (right.Width, right.Height));
        Assert.True(IsGreen(At(right, 10, 10)) && IsGreen(At(right, 440, 590)));
        using var middle = SKBitmap.Decode(centred.Jpeg);
        Assert.Equal((600, 800), (middle.Width, middle.Height));
        Assert.True(IsRed(At(middle, 10, 400)) && IsGreen(At(middle, 590, 400)));
    }

    [Fact]
    public void Should_refuse_what_is_not_a_photo_or_too_small_or_too_large_before_decoding_it()
    {
        Assert.Equal(PhotoProblem.NotAnImage, PassportPhoto.Process("%PDF-1.7 not a picture"u8.ToArray(), null).Problem);
        Assert.Equal(PhotoProblem.TooSmall, PassportPhoto.Process(TestPhotos.Jpeg(200, 260), null).Problem);

        // Wide enough but too short once cut to 3:4.
        Assert.Equal(PhotoProblem.TooSmall, PassportPhoto.Process(TestPhotos.Jpeg(1200, 390), null).Problem);
        Assert.Equal(PhotoProblem.TooLarge, PassportPhoto.Process(new byte[11 * 1024 * 1024], null).Problem);

        using var stream = new MemoryStream(new byte[11 * 1024 * 1024]);
        Assert.Equal(PhotoProblem.TooLarge, PassportPhoto.Process(stream, stream.Length, null).Problem);
        Assert.Equal(0, stream.Position);

        // 8,000 × 6,000 says the header: 48 megapixels, refused without decoding (the pixels behind it are a small picture's).
        Assert.Equal(PhotoProblem.TooManyPixels, PassportPhoto.Process(TestPhotos.PngClaiming(8000, 6000), null).Problem);
        Assert.Equal(PhotoProblem.None, PassportPhoto.Process(TestPhotos.Png(600, 800), null).Problem);
    }
}
