namespace ForumManager.Documents.Text;

/// <summary>One text of a <see cref="TextStack"/>: the height it is given when there is room, and its sizes.</summary>
public sealed record StackItem(string Text, float Height, float MaxSize, float MinSize, string? Language = null, bool Bold = false, int MaxLines = 2);

/// <summary>A text of the stack fitted into its part of the column.</summary>
public sealed record StackedText(StackItem Item, TextBox Box, float Height);

/// <summary>
/// Texts one above the other in a column of fixed height (the names and details of a badge). Each gets the height it
/// asks for; when one of them would have to shrink below its smallest size, the texts that fit take only the height
/// they need and the room left over goes to those that do not, so a long organization takes lines from a short
/// position rather than being printed tiny or run into what is below.
/// </summary>
public static class TextStack
{
    public static IReadOnlyList<StackedText> Fit(IReadOnlyList<StackItem> items, float width, float height)
    {
        // A column shorter than the heights asked for is shared out in the same proportions, so that the stack never
        // runs past its column into what is below it (a CR80 card's days and zones, say).
        var wanted = items.Sum(i => i.Height);
        if (wanted > height && wanted > 0)
        {
            var scale = height / wanted;
            items = [.. items.Select(i => i with { Height = i.Height * scale })];
        }

        var fitted = items.Select(i => Place(i, width, i.Height)).ToList();
        if (fitted.All(f => f.Box.Size >= f.Item.MinSize - 0.05f && f.Box.Height <= f.Height + 0.05f))
        {
            return fitted;
        }

        // The texts that fit keep their height if it is what they need; the others share what is left in proportion to what they asked.
        var squeezed = fitted.Select(f => f.Box.Size < f.Item.MinSize - 0.05f || f.Box.Height > f.Height + 0.05f).ToList();
        var kept = fitted.Where((f, i) => !squeezed[i]).Sum(f => Math.Min(f.Height, f.Box.Height * 1.08f));
        var asked = fitted.Where((f, i) => squeezed[i]).Sum(f => f.Item.Height);
        var room = Math.Max(0, height - kept);

        // Text that does not fit even at the usual floor is set smaller still rather than cut or run into what is below.
        for (var floor = TextBox.Floor; ; floor *= 0.85f)
        {
            var placed = fitted.Select((f, i) => squeezed[i]
                ? Place(f.Item, width, room * f.Item.Height / asked, floor)
                : f with { Height = Math.Min(f.Height, f.Box.Height * 1.08f) }).ToList();
            if (floor < 1.5f || placed.All(p => p.Box.Height <= p.Height + 0.05f))
            {
                return placed;
            }
        }
    }

    private static StackedText Place(StackItem item, float width, float height, float? floor = null) =>
        new(item, TextBox.Fit(item.Text, width, height, item.MaxSize, item.MinSize, item.Language, item.Bold, item.MaxLines, floor), height);
}
