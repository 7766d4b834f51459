using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ForumManager.Mail;

/// <summary>Writes each message as an <c>.eml</c> file, for development and for installs without a mail server.</summary>
public sealed class PickupDirectoryTransport(IOptions<MailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    /// <summary>The names the file of the message with this Message-Id can have (its date comes first).</summary>
    public static string FilePattern(string messageId) => $"*-{SafeId(messageId)}.eml";

    private static string SafeId(string messageId) => new(messageId.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());

    public Task<IMailConnection> ConnectAsync(CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.FromResult<IMailConnection>(new Connection(Directory));
    }

    private sealed class Connection(string directory) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{SafeId(message.MessageId ?? Guid.NewGuid().ToString("N"))}.eml";
            var final = Path.Combine(directory, name);
            var temporary = final + ".tmp";

            // Written aside and then renamed, so a reader never sees half a message.
            await using (var stream = File.Create(temporary))
            {
                await message.WriteToAsync(stream, ct);
            }

            File.Move(temporary, final, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
