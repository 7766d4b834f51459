using ForumManager.Documents.Text;
using SkiaSharp;
using static ForumManager.Documents.Protocol.ProtocolPage;

namespace ForumManager.Documents.Protocol;

/// <summary>One place card: the person, and where they sit (printed small, for those who lay the tables).</summary>
public sealed record PlaceCard(ProtocolPerson Person, string Seat);

/// <summary>
/// Place cards as tent cards, one to an A4 landscape sheet folded across the middle (<see cref="TentCard"/>). Each face
/// carries the name in the person's own script large with the Latin name below it, then the position and the city or
/// delegation; a person with no other script gets the Latin name large.
/// </summary>
public static class PlaceCardsDocument
{
    private const string Name = "PlaceCards";

    public static PdfResult Render(IReadOnlyList<PlaceCard> cards, string title = "Place cards") =>
        TentCard.Print(title, cards, ComposeFace);

    private static void ComposeFace(SKCanvas canvas, SKRect face, PlaceCard card, List<MissingGlyph> missing)
    {
        var person = card.Person;
        var h = face.Height;
        var items = new List<(StackItem Item, string Field, SKColor Color)>();
        if (person.OwnScript is { } own)
        {
            items.Add((new StackItem(own, 0.44f * h, 80f, 28f, person.NativeLanguage, Bold: true, MaxLines: 2), "NativeName", Ink));
            items.Add((new StackItem(person.LatinName, 0.2f * h, 30f, 12f, "en", MaxLines: 2), "LatinName", Ink));
        }
        else
        {
            items.Add((new StackItem(person.LatinName, 0.56f * h, 72f, 24f, "en", Bold: true, MaxLines: 2), "LatinName", Ink));
        }

        if (!string.IsNullOrWhiteSpace(person.Title))
        {
            items.Add((new StackItem(person.Title, 0.15f * h, 18f, 9f, "zh-Hans"), "Title", Muted));
        }

        if (!string.IsNullOrWhiteSpace(person.Place))
        {
            items.Add((new StackItem(person.Place, 0.13f * h, 16f, 8f, "zh-Hans"), "Place", Muted));
        }

        // The seat, small at the foot, for whoever sets the card on the table.
        var seatBox = new SKRect(face.Left, face.Bottom - 10, face.Right, face.Bottom);
        Line(canvas, card.Seat, seatBox, 7f, Rule, Align.End, Name, "Seat", missing);

        var column = new SKRect(face.Left, face.Top, face.Right, seatBox.Top - 4);
        var stacked = TextStack.Fit(items.Select(i => i.Item).ToList(), column.Width, column.Height);
        var used = stacked.Sum(s => s.Height);
        var y = column.Top + Math.Max(0, (column.Height - used) / 2);
        for (var i = 0; i < stacked.Count; i++)
        {
            var box = new SKRect(column.Left, y, column.Right, y + stacked[i].Height);
            Draw(canvas, stacked[i].Box, box, items[i].Color, Align.Center, Name, items[i].Field, items[i].Item.Text, missing);
            y = box.Bottom;
        }
    }
}
