namespace ForumManager.Core.Protocol;

/// <summary>
/// One seat of a layout. <paramref name="Honour"/> orders the seats of one table by protocol, 0 being the table's first
/// seat (the host's at the host's table). X and Y place the seat on the map in seat widths, Y growing down the page, the
/// stage or the head of the room at the top.
/// </summary>
public readonly record struct SeatSpot(int Table, int Seat, int Honour, double X, double Y);

/// <summary>A table (or a row, or the head table) on the map: its centre and size in seat widths.</summary>
public sealed record TableSpot(int Table, TableKind Kind, double X, double Y, double Width, double Height, int Seats);

public enum TableKind
{
    Round = 0,
    Row = 1,
    Head = 2,
    Square = 3,
    U = 4,
}

/// <summary>Everything a layout's seats are: the tables, the seats in honour order per table, and the map's size.</summary>
public sealed record SeatMap(IReadOnlyList<TableSpot> Tables, IReadOnlyList<SeatSpot> Seats, double Width, double Height)
{
    public int Capacity => Seats.Count;

    public bool Contains(int table, int seat) => Seats.Any(s => s.Table == table && s.Seat == seat);
}

/// <summary>
/// The seats a layout stands for, numbered as people find them and ordered by protocol. The international rule holds: the
/// place of honour is at the host's right, then the host's left, alternating outwards.
/// <list type="bullet">
/// <item>A round table, a hollow square and a U are numbered from the host's seat (1) to the host's right (2) and on round
/// the table, so the seat at the host's left is the last.</item>
/// <item>A row, the head table included, is numbered from left to right as the audience sees it; its centre is its
/// first seat.</item>
/// </list>
/// </summary>
public static class SeatLayouts
{
    private const double Gap = 2.0;

    /// <summary>Whether the layout's seats stand in rows (named "Row 5, seat 3") rather than at tables ("Table 5, seat 3").</summary>
    public static bool HasRows(LayoutShape shape) => shape is LayoutShape.Theatre or LayoutShape.HeadTableAndRows;

    /// <summary>What is wrong with a layout's numbers, as a key of the shared texts; null when it can be used.</summary>
    public static string? Problem(SeatLayout layout)
    {
        var rows = layout.Shape is LayoutShape.RoundTables or LayoutShape.Theatre or LayoutShape.HeadTableAndRows;
        if (layout.SeatsPerTable < 1 || layout.SeatsPerTable > SeatLayoutRules.MaxSeatsPerTable)
        {
            return "Layout_SeatsOutOfRange";
        }

        if (rows && (layout.Tables < 1 || layout.Tables > SeatLayoutRules.MaxTables))
        {
            return "Layout_TablesOutOfRange";
        }

        if (layout.Shape == LayoutShape.HeadTableAndRows && (layout.HeadSeats < 1 || layout.HeadSeats > SeatLayoutRules.MaxHeadSeats))
        {
            return "Layout_HeadSeatsOutOfRange";
        }

        if (layout.AisleAfter is { } aisle && (aisle < 1 || aisle >= layout.SeatsPerTable))
        {
            return "Layout_AisleOutOfRange";
        }

        if (layout.Shape is LayoutShape.HollowSquare or LayoutShape.UShape && layout.SeatsPerTable < 4)
        {
            return "Layout_SeatsOutOfRange";
        }

        return Count(layout) > SeatLayoutRules.MaxSeats ? "Layout_TooManySeats" : null;
    }

    /// <summary>How many seats the layout has.</summary>
    public static int Count(SeatLayout layout) => layout.Shape switch
    {
        LayoutShape.RoundTables or LayoutShape.Theatre => layout.Tables * layout.SeatsPerTable,
        LayoutShape.HeadTableAndRows => layout.HeadSeats + layout.Tables * layout.SeatsPerTable,
        _ => layout.SeatsPerTable,
    };

    public static SeatMap Map(SeatLayout layout)
    {
        if (Problem(layout) is { } problem)
        {
            throw new ArgumentException($"The layout cannot be used: {problem}.", nameof(layout));
        }

        return layout.Shape switch
        {
            LayoutShape.RoundTables => RoundTables(layout.Tables, layout.SeatsPerTable),
            LayoutShape.Theatre => Rows(layout.Tables, layout.SeatsPerTable, layout.AisleAfter, headSeats: 0),
            LayoutShape.HeadTableAndRows => Rows(layout.Tables, layout.SeatsPerTable, layout.AisleAfter, layout.HeadSeats),
            LayoutShape.HollowSquare => Ring(layout.SeatsPerTable, open: false),
            _ => Ring(layout.SeatsPerTable, open: true),
        };
    }

    /// <summary>
    /// The honour of each seat number round a table of <paramref name="seats"/> numbered from the host: 1 is first, then
    /// 2 (the right), <paramref name="seats"/> (the left), 3, and so on.
    /// </summary>
    public static int RingHonour(int seat, int seats)
    {
        if (seat == 1)
        {
            return 0;
        }

        var right = seat - 1;
        var left = seats + 1 - seat;
        return right <= left ? 2 * right - 1 : 2 * left;
    }

    /// <summary>
    /// The honour of each seat in a row of <paramref name="seats"/> numbered left to right as the audience sees it. The
    /// centre (for an even row, the seat left of the middle) is first; then alternately one step to the screen's left and
    /// right: for a head table facing the audience, the screen's left is the host's right. An even row's last seat on the
    /// right has no partner on the left and comes last.
    /// </summary>
    public static int RowHonour(int seat, int seats)
    {
        var centre = (seats + 1) / 2;
        var offset = seat - centre;
        return offset == 0 ? 0 : offset < 0 ? 2 * -offset - 1 : Math.Min(2 * offset, seats - 1);
    }

    private static SeatMap RoundTables(int tables, int seatsEach)
    {
        var radius = Math.Max(1.0, seatsEach / (2 * Math.PI)) + 0.5;
        var pitch = 2 * radius + Gap;
        var perRow = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(tables - 1)));
        var tableSpots = new List<TableSpot>(tables);
        var seatSpots = new List<SeatSpot>(tables * seatsEach);
        var width = Math.Max(1, Math.Min(perRow, tables - 1)) * pitch;

        for (var table = 1; table <= tables; table++)
        {
            // Table 1 stands alone at the head of the room; the others follow in rows, numbered left to right.
            double x, y;
            if (table == 1)
            {
                (x, y) = (width / 2, pitch / 2);
            }
            else
            {
                var index = table - 2;
                (x, y) = ((index % perRow + 0.5) * pitch, (index / perRow + 1.5) * pitch);
            }

            tableSpots.Add(new TableSpot(table, TableKind.Round, x, y, 2 * radius, 2 * radius, seatsEach));
            for (var seat = 1; seat <= seatsEach; seat++)
            {
                // Seat 1 at the top, facing the room; on round to the host's right, which is the page's left.
                var angle = 2 * Math.PI * (seat - 1) / seatsEach;
                seatSpots.Add(new SeatSpot(table, seat, RingHonour(seat, seatsEach), x - radius * Math.Sin(angle), y - radius * Math.Cos(angle)));
            }
        }

        var height = (tables <= 1 ? 1 : (tables - 2) / perRow + 2) * pitch;
        return new SeatMap(tableSpots, seatSpots, width, height);
    }

    private static SeatMap Rows(int rows, int seatsEach, int? aisleAfter, int headSeats)
    {
        var rowWidth = seatsEach + (aisleAfter is null ? 0 : 1);
        var width = Math.Max(rowWidth, headSeats) + 2;
        var tableSpots = new List<TableSpot>();
        var seatSpots = new List<SeatSpot>();
        var top = 1.0;
        if (headSeats > 0)
        {
            tableSpots.Add(new TableSpot(0, TableKind.Head, width / 2, top, headSeats, 1, headSeats));
            var left = (width - headSeats) / 2 + 0.5;
            for (var seat = 1; seat <= headSeats; seat++)
            {
                seatSpots.Add(new SeatSpot(0, seat, RowHonour(seat, headSeats), left + seat - 1, top));
            }

            top += 3;
        }

        for (var row = 1; row <= rows; row++)
        {
            var y = top + (row - 1) * 1.5;
            tableSpots.Add(new TableSpot(row, TableKind.Row, width / 2, y, rowWidth, 1, seatsEach));
            var left = (width - rowWidth) / 2 + 0.5;
            for (var seat = 1; seat <= seatsEach; seat++)
            {
                var x = left + seat - 1 + (aisleAfter is { } aisle && seat > aisle ? 1 : 0);
                seatSpots.Add(new SeatSpot(row, seat, RowHonour(seat, seatsEach), x, y));
            }
        }

        return new SeatMap(tableSpots, seatSpots, width, top + rows * 1.5 + 0.5);
    }

    /// <summary>
    /// One table round a square (or a U, open at the bottom): seat 1 mid-way along the top, then on round to the host's
    /// right (the page's left), down that side, along the bottom (a square only) and up the other side.
    /// </summary>
    private static SeatMap Ring(int seats, bool open)
    {
        // Seats go round a path: for a square its whole perimeter, for a U three of its sides.
        var side = Math.Max(2.0, Math.Ceiling(seats / (open ? 3.0 : 4.0)) + 1);
        var origin = 1.5;
        var seatSpots = new List<SeatSpot>(seats);
        for (var seat = 1; seat <= seats; seat++)
        {
            // Anticlockwise on the page from the host: the host's right first.
            var (x, y) = open ? AlongU(side, seats, seat) : AlongSquare((seat - 1.0) / seats * 4 * side, side);
            seatSpots.Add(new SeatSpot(1, seat, RingHonour(seat, seats), origin + x, origin + y));
        }

        var table = new TableSpot(1, open ? TableKind.U : TableKind.Square, origin + side / 2, origin + side / 2, side, side, seats);
        return new SeatMap([table], seatSpots, side + 2 * origin, side + 2 * origin);
    }

    private static (double X, double Y) AlongSquare(double d, double side)
    {
        // From the top's middle to the left along the top, down the left, along the bottom, up the right, back to the middle.
        var half = side / 2;
        if (d <= half)
        {
            return (half - d, 0);
        }

        d -= half;
        if (d <= side)
        {
            return (0, d);
        }

        d -= side;
        if (d <= side)
        {
            return (d, side);
        }

        d -= side;
        return d <= side ? (side, side - d) : (side - (d - side), 0);
    }

    private static (double X, double Y) AlongU(double side, int seats, int seat)
    {
        // The host's half of the U on the left, the other half on the right; the seats split at the closed end's middle.
        var rightHalf = (seats + 1) / 2;
        var half = side / 2;
        var leg = side + half;
        if (seat <= rightHalf)
        {
            var t = rightHalf <= 1 ? 0 : (seat - 1.0) / rightHalf * leg;
            return t <= half ? (half - t, 0) : (0, t - half);
        }

        var back = seats - seat + 1.0;
        var u = back / (seats - rightHalf + 1) * leg;
        return u <= half ? (half + u, 0) : (side, u - half);
    }
}
