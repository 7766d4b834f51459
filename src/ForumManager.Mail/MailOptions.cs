using System.ComponentModel.DataAnnotations;

namespace ForumManager.Mail;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender, as <c>address</c> or <c>Name &lt;address&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "ForumManager <no-reply@forum.example.org>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where <c>.eml</c> files go when no SMTP host is set; relative to the content root.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail";

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Seconds before the first retry; each later retry waits twice as long as the one before. While the server cannot
    /// be reached, the same pauses space the attempts to connect to it.
    /// </summary>
    [Range(0, 86400)]
    public int FirstRetrySeconds { get; set; } = 30;

    [Range(1, 86400)]
    public int MaxRetrySeconds { get; set; } = 7200;

    /// <summary>
    /// How long a dispatcher's hold on the messages it is sending lasts unless renewed; it is renewed every third of
    /// this while the batch is sending. After a crash, the messages it held go again once this has run out.
    /// </summary>
    [Range(3, 3600)]
    public int ClaimSeconds { get; set; } = 30;

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 5;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>true: STARTTLS is required; false: never; unset: used when the server offers it.</summary>
    public bool? StartTls { get; set; }

    public string? User { get; set; }
    public string? Password { get; set; }
}
