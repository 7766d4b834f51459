namespace ForumManager.Features.Protocol;

public static class MeetingsFeature
{
    /// <summary>Bilateral meetings: host departments, requests, the planner's proposals and confirmations, invitations and minutes.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services) => services
        .AddScoped<HostDepartments>()
        .AddScoped<MeetingRequests>()
        .AddScoped<MeetingInvitations>()
        .AddScoped<MeetingScheduling>()
        .AddScoped<MeetingViews>()
        .AddScoped<MeetingBriefings>();
}
