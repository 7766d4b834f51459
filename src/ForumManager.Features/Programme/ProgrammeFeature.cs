using ForumManager.Features.Instances;

namespace ForumManager.Features.Programme;

public static class ProgrammeFeature
{
    /// <summary>The draft programme's conflicts, its releases, the released agenda and enrolment in sessions.</summary>
    public static IServiceCollection AddProgramme(this IServiceCollection services) => services
        .AddInstances()
        .AddScoped<ProgrammeConflicts>()
        .AddScoped<ProgrammeEditor>()
        .AddScoped<ProgrammeSetup>()
        .AddScoped<ReleasedAgendas>()
        .AddScoped<ProgrammeReleases>()
        .AddScoped<Enrolments>();
}
