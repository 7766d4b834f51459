namespace ForumManager.Mail;

/// <summary>
/// The server answered a message with an error reply. The connection is still good for the next message;
/// a permanent (5xx) refusal will not change on a retry.
/// </summary>
public sealed class MailRefusedException(string message, bool permanent, Exception inner) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
