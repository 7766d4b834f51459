using ForumManager.Core.Delegates;
using ForumManager.Core.Logistics;

namespace ForumManager.Core.Tests.Logistics;

public sealed class RoomAllocatorTests
{
    private static readonly DateOnly June22 = new(2010, 6, 22);
    private static readonly DateOnly June25 = new(2010, 6, 25);

    private static RoomGuest Guest(int id, int? delegation, Gender? gender = Gender.Male, RoomType wants = RoomType.Single,
        Sharing sharing = Sharing.Alone, int? shareWith = null, bool senior = false, DateOnly? checkIn = null, DateOnly? checkOut = null) =>
        new(id, delegation, delegation ?? 99, senior, senior ? 1 : 10, gender, wants, sharing, shareWith, checkIn ?? June22, checkOut ?? June25);

    private static BlockSpace Block(int id, int hotel, RoomType type, int rooms, int grade = 2) =>
        new(id, hotel, type, grade, June22, June25.AddDays(-1), rooms);

    private static int HotelOf(AllocationPlan plan, IReadOnlyList<BlockSpace> blocks, int delegateId) =>
        blocks.Single(b => b.BlockId == plan.Rooms.Single(r => r.Occupants.Contains(delegateId)).BlockId).HotelId;

    [Fact]
    public void Should_keep_each_delegation_in_one_hotel_when_one_has_room_for_it()
    {
        // Hotel 1 has four rooms: the first delegation (3) fits, the second (3) does not and goes whole to hotel 2.
        var blocks = new[] { Block(1, hotel: 1, RoomType.Single, 4), Block(2, hotel: 2, RoomType.Single, 10) };
        var guests = new[] { Guest(1, 1), Guest(2, 1), Guest(3, 1), Guest(4, 2), Guest(5, 2), Guest(6, 2) };

        var plan = RoomAllocator.Plan(guests, blocks);

        Assert.Empty(plan.Unplaced);
        Assert.All([1, 2, 3], id => Assert.Equal(1, HotelOf(plan, blocks, id)));
        Assert.All([4, 5, 6], id => Assert.Equal(2, HotelOf(plan, blocks, id)));
    }

    [Fact]
    public void Should_house_newcomers_with_their_delegation_where_it_already_is()
    {
        var blocks = new[] { Block(1, hotel: 1, RoomType.Single, 10), Block(2, hotel: 2, RoomType.Single, 10) };

        var plan = RoomAllocator.Plan([Guest(1, 7), Guest(2, 7)], blocks, delegationHotels: new Dictionary<int, int> { [7] = 2 });

        Assert.All([1, 2], id => Assert.Equal(2, HotelOf(plan, blocks, id)));
    }

    [Fact]
    public void Should_never_give_out_more_rooms_than_a_block_has_free()
    {
        var blocks = new[] { Block(1, 1, RoomType.Single, 2), Block(2, 1, RoomType.Double, 1) };
        var guests = Enumerable.Range(1, 6).Select(i => Guest(i, 1)).ToList();

        var plan = RoomAllocator.Plan(guests, blocks);

        Assert.Equal(2, plan.Rooms.Count(r => r.BlockId == 1));
        Assert.Equal(1, plan.Rooms.Count(r => r.BlockId == 2));
        Assert.Equal(3, plan.Unplaced.Count);
        Assert.All(plan.Unplaced, u => Assert.Equal(UnplacedReason.NoRoomLeft, u.Reason));
    }

    [Fact]
    public void Should_give_heads_and_VIPs_the_better_grade_even_when_their_delegation_comes_later()
    {
        var blocks = new[] { Block(1, 1, RoomType.Single, 1, grade: 1), Block(2, 1, RoomType.Single, 5, grade: 3) };
        var guests = new[] { Guest(1, 1), Guest(2, 1), Guest(3, 2, senior: true) };

        var plan = RoomAllocator.Plan(guests, blocks);

        Assert.Equal(1, plan.Rooms.Single(r => r.Occupants.Contains(3)).BlockId);
        Assert.All(plan.Rooms.Where(r => !r.Occupants.Contains(3)), r => Assert.Equal(2, r.BlockId));
    }

    [Fact]
    public void Should_put_two_who_named_each_other_in_one_room_whatever_their_genders()
    {
        var blocks = new[] { Block(1, 1, RoomType.Twin, 5) };
        var guests = new[]
        {
            Guest(1, 1, Gender.Female, RoomType.Twin, Sharing.Named, shareWith: 2),
            Guest(2, 1, Gender.Male, RoomType.Twin, Sharing.Named, shareWith: 1),
        };

        var plan = RoomAllocator.Plan(guests, blocks);

        var room = Assert.Single(plan.Rooms);
        Assert.Equal([1, 2], room.Occupants.Order());
    }

    [Fact]
    public void Should_not_pair_someone_with_a_person_who_named_somebody_else()
    {
        var blocks = new[] { Block(1, 1, RoomType.Twin, 5) };
        var guests = new[]
        {
            Guest(1, 1, wants: RoomType.Twin, sharing: Sharing.Named, shareWith: 2),
            Guest(2, 1, wants: RoomType.Twin, sharing: Sharing.Named, shareWith: 3),
            Guest(3, 1, wants: RoomType.Twin, sharing: Sharing.Named, shareWith: 2),
        };

        var plan = RoomAllocator.Plan(guests, blocks);

        Assert.Contains(plan.Rooms, r => r.Occupants.Order().SequenceEqual([2, 3]));
        Assert.Contains(plan.Rooms, r => r.Occupants.SequenceEqual([1]));
    }

    [Fact]
    public void Should_pair_those_who_would_share_only_with_their_own_gender_and_delegation_first()
    {
        var blocks = new[] { Block(1, 1, RoomType.Twin, 10) };
        var guests = new[]
        {
            Guest(1, 1, Gender.Female, RoomType.Twin, Sharing.SameGender),
            Guest(2, 1, Gender.Male, RoomType.Twin, Sharing.SameGender),
            Guest(3, 1, Gender.Female, RoomType.Twin, Sharing.SameGender),
            Guest(4, 2, Gender.Male, RoomType.Twin, Sharing.SameGender),
            Guest(5, 2, Gender.Female, RoomType.Twin, Sharing.SameGender),
            Guest(6, 2, gender: null, RoomType.Twin, Sharing.SameGender),
        };

        var plan = RoomAllocator.Plan(guests, blocks);

        Assert.Contains(plan.Rooms, r => r.Occupants.Order().SequenceEqual([1, 3]));
        Assert.Contains(plan.Rooms, r => r.Occupants.Order().SequenceEqual([2, 4]));
        Assert.Contains(plan.Rooms, r => r.Occupants.SequenceEqual([5]));
        Assert.Contains(plan.Rooms, r => r.Occupants.SequenceEqual([6]));
        Assert.Empty(plan.Unplaced);
    }

    [Fact]
    public void Should_pair_someone_with_the_person_who_named_them_even_when_they_come_first()
    {
        var blocks = new[] { Block(1, 1, RoomType.Twin, 5) };
        var guests = new[]
        {
            Guest(1, 1, Gender.Male, RoomType.Twin, Sharing.SameGender),
            Guest(2, 1, Gender.Male, RoomType.Twin, Sharing.Named, shareWith: 1),
        };

        var plan = RoomAllocator.Plan(guests, blocks);

        Assert.Equal([1, 2], Assert.Single(plan.Rooms).Occupants.Order());
    }

    [Fact]
    public void Should_not_put_strangers_in_a_double_bed()
    {
        var blocks = new[] { Block(1, 1, RoomType.Double, 5) };
        var guests = new[] { Guest(1, 1, Gender.Female, RoomType.Double, Sharing.SameGender), Guest(2, 1, Gender.Female, RoomType.Double, Sharing.SameGender) };

        var plan = RoomAllocator.Plan(guests, blocks);

        Assert.Equal(2, plan.Rooms.Count);
    }

    [Fact]
    public void Should_join_the_room_of_a_partner_already_housed()
    {
        var blocks = new[] { Block(1, 1, RoomType.Twin, 0) };
        var beds = new[] { new OpenBed(HotelRoomId: 40, BlockId: 1, HotelId: 1, OccupantId: 7, Gender.Male, Sharing.Named, OccupantShareWith: 8) };

        var plan = RoomAllocator.Plan([Guest(8, 1, Gender.Male, RoomType.Twin, Sharing.Named, shareWith: 7)], blocks, beds);

        Assert.Equal([new PlannedJoin(40, 8)], plan.Joins);
        Assert.Empty(plan.Rooms);
    }

    [Fact]
    public void Should_say_so_when_no_block_holds_the_nights_asked_for()
    {
        var blocks = new[] { Block(1, 1, RoomType.Single, 5) };

        var plan = RoomAllocator.Plan([Guest(1, 1, checkIn: June22.AddDays(-3))], blocks);

        Assert.Equal([new UnplacedGuest(1, UnplacedReason.NightsNotHeld)], plan.Unplaced);
    }

    [Theory]
    [InlineData(Sharing.Named, 2, Sharing.Named, 1, Gender.Male, Gender.Female, true)]
    [InlineData(Sharing.Named, 2, Sharing.SameGender, null, Gender.Male, Gender.Female, false)]
    [InlineData(Sharing.Named, 2, Sharing.SameGender, null, Gender.Female, Gender.Female, true)]
    [InlineData(Sharing.SameGender, null, Sharing.Named, 1, Gender.Male, Gender.Female, false)]
    [InlineData(Sharing.Named, 2, Sharing.Alone, null, Gender.Male, Gender.Male, false)]
    [InlineData(Sharing.SameGender, null, Sharing.SameGender, null, Gender.Male, Gender.Female, false)]
    [InlineData(Sharing.SameGender, null, Sharing.SameGender, null, Gender.Other, Gender.Other, false)]
    [InlineData(Sharing.SameGender, null, Sharing.SameGender, null, Gender.Female, Gender.Female, true)]
    public void Should_share_only_as_both_asked(Sharing a, int? aNamed, Sharing b, int? bNamed, Gender aGender, Gender bGender, bool expected) =>
        Assert.Equal(expected, RoomAllocator.MayShare(a, 1, aNamed, aGender, b, 2, bNamed, bGender));
}
