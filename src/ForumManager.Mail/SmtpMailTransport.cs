using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ForumManager.Mail;

public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = smtp.StartTls switch
            {
                true => SecureSocketOptions.StartTls,
                false => SecureSocketOptions.None,
                null => SecureSocketOptions.StartTlsWhenAvailable,
            };
            var host = smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set.");
            await client.ConnectAsync(host, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, ct);
            }

            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException e)
            {
                throw new MailRefusedException($"{(int)e.StatusCode} {e.Message}", permanent: (int)e.StatusCode >= 500, e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
            {
                // The messages are already accepted; a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
