using MimeKit;

namespace ForumManager.Mail;

/// <summary>Where messages go: an SMTP server, or a folder of <c>.eml</c> files.</summary>
public interface IMailTransport
{
    /// <summary>Opens one connection that a whole batch is sent over.</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken ct);
}

public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
