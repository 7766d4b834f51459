namespace ForumManager.Features.Protocol;

public static class SeatingFeature
{
    /// <summary>Seat layouts per room, who attends a seated session, the plan by precedence, moves, swaps and conflicts.</summary>
    public static IServiceCollection AddSeating(this IServiceCollection services) =>
        services.AddScoped<SeatingPlans>().AddScoped<SeatLayoutEditor>();
}
