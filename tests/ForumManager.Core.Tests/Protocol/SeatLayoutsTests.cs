using ForumManager.Core.Protocol;

namespace ForumManager.Core.Tests.Protocol;

public sealed class SeatLayoutsTests
{
    private static SeatLayout Layout(LayoutShape shape, int tables, int seats, int head = 0, int? aisle = null) =>
        new() { NameEn = "Layout", NameZh = "布局", Shape = shape, Tables = tables, SeatsPerTable = seats, HeadSeats = head, AisleAfter = aisle };

    [Fact]
    public void A_round_table_puts_the_host_first_then_the_right_then_the_left_alternating()
    {
        var order = Enumerable.Range(1, 10).OrderBy(seat => SeatLayouts.RingHonour(seat, 10)).ToList();

        Assert.Equal([1, 2, 10, 3, 9, 4, 8, 5, 7, 6], order);
    }

    [Fact]
    public void The_host_s_right_is_the_page_s_left_at_a_round_table()
    {
        var map = SeatLayouts.Map(Layout(LayoutShape.RoundTables, 1, 10));
        var host = map.Seats.Single(s => s.Seat == 1);
        var right = map.Seats.Single(s => s.Seat == 2);
        var left = map.Seats.Single(s => s.Seat == 10);

        Assert.True(right.X < host.X, "the host's right is on the page's left as the host faces the room");
        Assert.True(left.X > host.X);
        Assert.True(host.Y < right.Y, "the host sits at the top of the table");
    }

    [Fact]
    public void A_row_starts_at_its_centre_and_spreads_out_alternately()
    {
        Assert.Equal([3, 2, 4, 1, 5], Enumerable.Range(1, 5).OrderBy(seat => SeatLayouts.RowHonour(seat, 5)).ToList());
        Assert.Equal([2, 1, 3, 4], Enumerable.Range(1, 4).OrderBy(seat => SeatLayouts.RowHonour(seat, 4)).ToList());
    }

    [Theory]
    [InlineData(LayoutShape.RoundTables, 22, 10, 0, 220)]
    [InlineData(LayoutShape.Theatre, 12, 20, 0, 240)]
    [InlineData(LayoutShape.HeadTableAndRows, 8, 16, 12, 140)]
    [InlineData(LayoutShape.HollowSquare, 1, 24, 0, 24)]
    [InlineData(LayoutShape.UShape, 1, 19, 0, 19)]
    public void Every_layout_has_as_many_distinct_seats_as_it_says(LayoutShape shape, int tables, int seats, int head, int expected)
    {
        var map = SeatLayouts.Map(Layout(shape, tables, seats, head, shape == LayoutShape.Theatre ? 10 : null));

        Assert.Equal(expected, map.Capacity);
        Assert.Equal(expected, map.Seats.Select(s => (s.Table, s.Seat)).Distinct().Count());
        Assert.Equal(expected, map.Seats.Select(s => (Math.Round(s.X, 3), Math.Round(s.Y, 3))).Distinct().Count());
        Assert.All(map.Seats, s => Assert.InRange(s.X, 0, map.Width));
        Assert.All(map.Seats, s => Assert.InRange(s.Y, 0, map.Height));
        Assert.All(map.Seats.GroupBy(s => s.Table), table =>
            Assert.Equal(Enumerable.Range(0, table.Count()), table.Select(s => s.Honour).Order()));
    }

    [Fact]
    public void A_theatre_row_leaves_a_gap_for_its_aisle()
    {
        var row = SeatLayouts.Map(Layout(LayoutShape.Theatre, 1, 10, aisle: 4)).Seats.OrderBy(s => s.Seat).ToList();

        Assert.Equal(1, row[3].X - row[2].X, 3);
        Assert.Equal(2, row[4].X - row[3].X, 3);
    }

    [Theory]
    [InlineData(LayoutShape.RoundTables, 0, 10, 0, null, "Layout_TablesOutOfRange")]
    [InlineData(LayoutShape.RoundTables, 10, 0, 0, null, "Layout_SeatsOutOfRange")]
    [InlineData(LayoutShape.HeadTableAndRows, 10, 10, 0, null, "Layout_HeadSeatsOutOfRange")]
    [InlineData(LayoutShape.Theatre, 10, 10, 0, 10, "Layout_AisleOutOfRange")]
    [InlineData(LayoutShape.HollowSquare, 1, 3, 0, null, "Layout_SeatsOutOfRange")]
    [InlineData(LayoutShape.Theatre, 400, 60, 0, null, "Layout_TooManySeats")]
    public void A_layout_that_cannot_stand_says_why(LayoutShape shape, int tables, int seats, int head, int? aisle, string problem)
    {
        var layout = Layout(shape, tables, seats, head, aisle);

        Assert.Equal(problem, SeatLayouts.Problem(layout));
        Assert.Throws<ArgumentException>(() => SeatLayouts.Map(layout));
    }
}
