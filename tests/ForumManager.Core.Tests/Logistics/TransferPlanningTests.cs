using ForumManager.Core.Logistics;

namespace ForumManager.Core.Tests.Logistics;

public sealed class TransferPlanningTests
{
    private static readonly DateTime Noon = new(2010, 6, 23, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Should_group_arrivals_within_the_window_at_the_same_place_into_one_wave()
    {
        var arrivals = new[]
        {
            new TimedJourney(1, HubId: 1, Noon, 1, false),
            new TimedJourney(2, HubId: 1, Noon.AddMinutes(50), 2, false),
            new TimedJourney(3, HubId: 1, Noon.AddMinutes(61), 2, false),
            new TimedJourney(4, HubId: 2, Noon.AddMinutes(10), 3, false),
        };

        var waves = PickupWavePlanner.Plan(arrivals, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(45));

        Assert.Equal(3, waves.Count);
        Assert.Equal([1, 2], waves[0].JourneyIds);
        Assert.Equal(Noon.AddMinutes(50 + 45), waves[0].DepartsUtc);
        Assert.Equal([4], waves[1].JourneyIds);
        Assert.Equal([3], waves[2].JourneyIds);
    }

    [Fact]
    public void Should_seat_a_wave_in_the_fewest_vehicles_with_each_delegation_together()
    {
        var passengers = new[] { new Passenger(1, 1, true), new Passenger(2, 1, false), new Passenger(3, 1, false), new Passenger(4, 2, false) };
        var vehicles = new[] { new VehicleSeats(10, 3, false), new VehicleSeats(20, 45, false), new VehicleSeats(30, 5, false) };

        var plan = VehicleAssigner.Assign(passengers, vehicles);

        Assert.Empty(plan.Unseated);
        Assert.Single(plan.VehicleOf.Where(p => p.Key <= 3).Select(p => p.Value).Distinct());
        Assert.Single(plan.VehicleOf.Values.Distinct());
        Assert.Equal(20, plan.VehicleOf[4]);
    }

    [Fact]
    public void Should_never_seat_more_than_a_vehicle_has_free()
    {
        var passengers = Enumerable.Range(1, 12).Select(i => new Passenger(i, i % 3, false)).ToList();
        var vehicles = new[] { new VehicleSeats(10, 4, AlreadyServing: true), new VehicleSeats(20, 5, false) };

        var plan = VehicleAssigner.Assign(passengers, vehicles);

        Assert.Equal(4, plan.VehicleOf.Values.Count(v => v == 10));
        Assert.Equal(5, plan.VehicleOf.Values.Count(v => v == 20));
        Assert.Equal(3, plan.Unseated.Count);
    }

    [Fact]
    public void Should_use_the_vehicle_already_serving_the_wave_before_another()
    {
        var plan = VehicleAssigner.Assign([new Passenger(1, 1, false)], [new VehicleSeats(10, 40, false), new VehicleSeats(20, 2, AlreadyServing: true)]);

        Assert.Equal(20, plan.VehicleOf[1]);
    }

    [Theory]
    [InlineData(TravelMode.Flight, "CZ3104", true)]
    [InlineData(TravelMode.Flight, "ca 0976", true)]
    [InlineData(TravelMode.Flight, "3U8888", true)]
    [InlineData(TravelMode.Flight, "KE-817", true)]
    [InlineData(TravelMode.Flight, "CZ", false)]
    [InlineData(TravelMode.Flight, "12345", false)]
    [InlineData(TravelMode.Flight, "CZ31045", false)]
    [InlineData(TravelMode.Flight, "CA0000", false)]
    [InlineData(TravelMode.Train, "G1001", true)]
    [InlineData(TravelMode.Train, "CZ3104", false)]
    public void Should_tell_a_plausible_number_from_a_mistyped_one(TravelMode mode, string number, bool plausible) =>
        Assert.Equal(plausible, JourneyRules.IsPlausibleNumber(mode, number));

    [Fact]
    public void Should_normalize_a_flight_number_as_airlines_print_it_and_keep_a_train_number_whole()
    {
        Assert.Equal("CA976", JourneyRules.Normalize(TravelMode.Flight, " ca-0976 "));
        Assert.Equal("G1001", JourneyRules.Normalize(TravelMode.Train, "g 1001"));
        Assert.Equal("D3012", JourneyRules.Normalize(TravelMode.Train, "D3012"));
    }

    [Fact]
    public void Should_refuse_travel_far_outside_the_forum_and_a_departure_before_the_arrival()
    {
        var start = new DateOnly(2010, 6, 23);
        var end = new DateOnly(2010, 6, 24);

        Assert.Contains(JourneyProblem.ArrivalTooEarly, JourneyRules.Check(TravelMode.Flight, "CZ3104", JourneyDirection.Arrival, start.AddDays(-8), start, end));
        Assert.Empty(JourneyRules.Check(TravelMode.Flight, "CZ3104", JourneyDirection.Arrival, start.AddDays(-7), start, end));
        Assert.Contains(JourneyProblem.DepartureTooLate, JourneyRules.Check(TravelMode.Flight, "CZ3104", JourneyDirection.Departure, end.AddDays(8), start, end));
        Assert.Contains(JourneyProblem.DepartureBeforeArrival, JourneyRules.Check(TravelMode.Flight, "CZ3104", JourneyDirection.Departure, end, start, end,
            arrivalUtc: Noon, departureUtc: Noon.AddHours(-1)));
    }
}
