using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForumManager.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The outbox, its dispatcher, and SMTP or the pickup folder as configured under <c>Mail</c>.</summary>
    public static IServiceCollection AddForumMail(this IServiceCollection services, bool runDispatcher = true)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxContent>();
        services.AddScoped<MailQueue>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupDirectoryTransport>());
        services.AddSingleton<OutboxDispatcher>();
        if (runDispatcher)
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        }

        return services;
    }
}
