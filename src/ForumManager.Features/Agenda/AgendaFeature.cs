namespace ForumManager.Features.Agenda;

public static class AgendaFeature
{
    /// <summary>The released programme as calendars, schedules and a delegate's own feed.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services) => services.AddSingleton<CalendarFeeds>();
}
