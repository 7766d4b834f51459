using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace ForumManager.Testing;

/// <summary>
/// Pictures made for the tests: drawn with SkiaSharp, and given the metadata a phone writes (an EXIF block with its
/// orientation, the camera and GPS position, an XMP packet, a comment) by writing those segments into the JPEG ourselves.
/// </summary>
public static class TestPhotos
{
    /// <summary>The text the metadata carries, which must not survive.</summary>
    public const string GpsText = "GPS 28.1941N 112.9822E";

    public static byte[] Jpeg(int width, int height, Action<SKCanvas, int, int>? draw = null)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))!;
        surface.Canvas.Clear(new SKColor(0x60, 0x80, 0xA0));
        draw?.Invoke(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 92)!;
        return data.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))!;
        surface.Canvas.Clear(new SKColor(0x20, 0x90, 0x40));
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)!;
        return data.ToArray();
    }

    /// <summary>
    /// A phone's picture stored sideways (orientation 6: turn it a quarter clockwise to see it upright), 800 × 600 as
    /// stored: seen upright it is 600 × 800 with a red band along its top edge and a green band down its right edge.
    /// </summary>
    public static byte[] SidewaysPhone() => WithMetadata(Jpeg(800, 600, (canvas, w, h) =>
    {
        using var red = new SKPaint { Color = new SKColor(220, 20, 20) };
        using var green = new SKPaint { Color = new SKColor(20, 200, 20) };

        // The stored left edge becomes the top, the stored top edge the right, once turned clockwise.
        canvas.DrawRect(SKRect.Create(0, 0, 80, h), red);
        canvas.DrawRect(SKRect.Create(80, 0, w - 80, 60), green);
    }), orientation: 6);

    /// <summary>The JPEG with an EXIF block (orientation, camera, GPS position), an XMP packet and a comment written after its header.</summary>
    public static byte[] WithMetadata(byte[] jpeg, ushort orientation = 1)
    {
        Assert.True(jpeg[0] == 0xFF && jpeg[1] == 0xD8, "not a JPEG");

        // After SOI, and after the JFIF header when there is one, as cameras and editors place them.
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        }

        var segments = new List<byte>();
        segments.AddRange(Segment(0xE1, [.. "Exif\0\0"u8.ToArray(), .. Tiff(orientation)]));
        segments.AddRange(Segment(0xE1, Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><exif:GPSLatitude>28,11.646N</exif:GPSLatitude></x:xmpmeta>")));
        segments.AddRange(Segment(0xFE, Encoding.ASCII.GetBytes("Taken at " + GpsText)));
        return [.. jpeg.AsSpan(0, at), .. segments, .. jpeg.AsSpan(at)];
    }

    /// <summary>The markers of a JPEG's header segments, in order, up to the start of the picture's data.</summary>
    public static IReadOnlyList<byte> Markers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }

        return markers;
    }

    /// <summary>The header of a JPEG, up to the start of the picture's data: where every metadata segment goes.</summary>
    public static byte[] Header(byte[] jpeg)
    {
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF && jpeg[i + 1] != 0xDA)
        {
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }

        return jpeg[..Math.Min(i, jpeg.Length)];
    }

    /// <summary>A PNG whose header says <paramref name="width"/> × <paramref name="height"/>, with the pixels of a small one: a decoder must refuse it from its header.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Png(320, 420);

        // The IHDR chunk follows the 8-byte signature: length, "IHDR", width, height, ..., then its CRC over type and data.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static byte[] Segment(byte marker, byte[] content)
    {
        var length = content.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. content];
    }

    /// <summary>A big-endian TIFF block: IFD0 with the camera's make, the orientation and a pointer to a GPS IFD with a position.</summary>
    private static byte[] Tiff(ushort orientation)
    {
        var make = Encoding.ASCII.GetBytes(GpsText + "\0");
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)(v >> 8)); tiff.Add((byte)v); }
        void U32(int v) { U16(v >> 16); U16(v & 0xFFFF); }
        void Entry(int tag, int type, int count, int value) { U16(tag); U16(type); U32(count); U32(value); }

        const int ifd0 = 8, ifd0Entries = 3;
        var gpsIfd = ifd0 + 2 + ifd0Entries * 12 + 4;
        const int gpsEntries = 5;
        var data = gpsIfd + 2 + gpsEntries * 12 + 4;
        var makeAt = data;
        var latitudeAt = makeAt + make.Length;
        var longitudeAt = latitudeAt + 24;

        tiff.AddRange("MM"u8.ToArray());
        U16(42);
        U32(ifd0);
        U16(ifd0Entries);
        Entry(0x010F, 2, make.Length, makeAt);          // Make
        Entry(0x0112, 3, 1, orientation << 16);         // Orientation, a SHORT held in the value's first two bytes
        Entry(0x8825, 4, 1, gpsIfd);                    // GPS IFD
        U32(0);
        U16(gpsEntries);
        Entry(0x0000, 1, 4, 0x02020000);                // GPSVersionID 2.2.0.0
        Entry(0x0001, 2, 2, 'N' << 24);                 // GPSLatitudeRef
        Entry(0x0002, 5, 3, latitudeAt);                // GPSLatitude
        Entry(0x0003, 2, 2, 'E' << 24);                 // GPSLongitudeRef
        Entry(0x0004, 5, 3, longitudeAt);               // GPSLongitude
        U32(0);
        tiff.AddRange(make);
        foreach (var (numerator, denominator) in new[] { (28, 1), (11, 1), (3876, 100), (112, 1), (58, 1), (5592, 100) })
        {
            U32(numerator);
            U32(denominator);
        }

        return [.. tiff];
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
