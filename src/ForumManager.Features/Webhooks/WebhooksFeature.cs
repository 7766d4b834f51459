using ForumManager.Data;
using ForumManager.Mail;

namespace ForumManager.Features.Webhooks;

public static class WebhooksFeature
{
    /// <summary>
    /// Events written with the changes they tell of, fanned out to the endpoints subscribed and posted, signed, by every
    /// instance's dispatcher, retried for a day; endpoints that fail for a day are switched off.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, bool runDispatcher = true)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<WebhookSignal>()
            .AddSingleton<ISaveCompanion, WebhookEventCompanion>()
            .AddSingleton<IOutboxGiveUp, NoticeFailures>()
            .AddSingleton<WebhookSender>()
            .AddSingleton<WebhookDispatcher>()
            .AddScoped<WebhookSecrets>()
            .AddScoped<WebhookHealth>()
            .AddScoped<WebhookEndpoints>()
            .AddScoped<WebhookSecretHandoff>();
        if (runDispatcher)
        {
            services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        }

        return services;
    }
}
