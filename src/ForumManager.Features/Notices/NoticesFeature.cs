using ForumManager.Features.Languages;

namespace ForumManager.Features.Notices;

public static class NoticesFeature
{
    /// <summary>Notices from the organizers' templates, batches sent in the background, and the daily reminders.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services) => services
        .AddLanguages()
        .AddScoped<NoticeContexts>()
        .AddScoped<NoticeRenderer>()
        .AddScoped<NoticeBatchRequests>()
        .AddSingleton<NoticeBatchService>()
        .AddHostedService(sp => sp.GetRequiredService<NoticeBatchService>())
        .AddSingleton<Reminders>()
        .AddHostedService(sp => sp.GetRequiredService<Reminders>());
}
