namespace ForumManager.Core.Notices;

/// <summary>The notices the forum sends, each with a template in English and one in Chinese.</summary>
public enum NoticeKind
{
    EmailConfirmation = 0,
    RegistrationReceived = 1,
    Approved = 2,
    Waitlisted = 3,
    Rejected = 4,
    Promoted = 5,
    ProgrammeChange = 6,
    Reminder = 7,
    VisaLetterReady = 8,
    Badge = 9,
    FreeForm = 10,
    Cancelled = 11,
    PhotoApproved = 12,
    PhotoRefused = 13,
}

/// <summary>An organizer's wording of one notice in one language (Liquid); where there is none, the built-in wording is used.</summary>
public sealed class NoticeTemplate
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public NoticeKind Kind { get; set; }

    /// <summary>"en" or "zh-Hans".</summary>
    public required string Language { get; set; }

    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>When the template last could not be filled in for a message (a limit, an error); cleared when it is saved again.</summary>
    public DateTime? FailedUtc { get; set; }

    /// <summary>Why it last failed, as a code the notices page puts in words.</summary>
    public string? Failure { get; set; }

    /// <summary>How many messages it has failed for since it was last saved.</summary>
    public int Failures { get; set; }
}

/// <summary>A notice sent to many: its wording, its audience, and what goes with it.</summary>
public sealed class NoticeBatch
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    public NoticeKind Kind { get; set; }

    /// <summary>For a free-form notice, the organizer's Liquid subject and body in each language; null uses the kind's templates.</summary>
    public string? SubjectEn { get; set; }
    public string? BodyEn { get; set; }
    public string? SubjectZh { get; set; }
    public string? BodyZh { get; set; }

    /// <summary>The audience in words, as the organizer chose it, for the record.</summary>
    public required string Audience { get; set; }

    /// <summary>For the automatic reminder, the forum day it is about; one reminder batch per day, kept unique by the database.</summary>
    public DateOnly? ReminderFor { get; set; }

    public bool AttachAgenda { get; set; }
    public bool AttachVisaLetter { get; set; }
    public bool AttachQrCode { get; set; }
    public int Total { get; set; }

    /// <summary>When an organizer stopped the batch: messages not yet made are not made, and those not yet sent are withdrawn.</summary>
    public DateTime? CancelledUtc { get; set; }

    public string? CancelledBy { get; set; }
    public List<NoticeRecipient> Recipients { get; set; } = [];
}

/// <summary>One person a batch goes to, and the outbox message made for them once it is made.</summary>
public sealed class NoticeRecipient
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public int DelegateId { get; set; }
    public long? OutboxMessageId { get; set; }

    /// <summary>Why no message could be made for this person (the wording failed with their data); such a person is not tried again until the failed are sent again.</summary>
    public string? Error { get; set; }
}
