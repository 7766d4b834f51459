namespace ForumManager.Core.Forums;

/// <summary>One edition of the forum. Everything that belongs to an edition carries its id.</summary>
public sealed class Forum
{
    public int Id { get; set; }
    public required string Acronym { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public string? ThemeEn { get; set; }
    public string? ThemeZh { get; set; }
    public required string PlaceEn { get; set; }
    public required string PlaceZh { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    /// <summary>IANA zone id such as <c>Asia/Shanghai</c>; every time a person sees is shown in it.</summary>
    public required string TimeZoneId { get; set; }

    public ForumStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>Whether people may register without an invitation.</summary>
    public bool OpenRegistration { get; set; }

    /// <summary>After this instant no one registers, invited or not; null means until the forum starts.</summary>
    public DateTime? RegistrationClosesUtc { get; set; }

    /// <summary>After this instant delegates can no longer change their own registration.</summary>
    public DateTime? EditClosesUtc { get; set; }

    /// <summary>Places for the whole forum; null means no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>
    /// Registrations that hold a place (submitted or approved). Changed only by atomic conditional updates, so that
    /// concurrent registrations can never take more than <see cref="Capacity"/>.
    /// </summary>
    public int PlacesTaken { get; set; }

    /// <summary>
    /// The last number given to a delegate's reference in this forum. Raised only by an atomic update inside the
    /// transaction that saves the new delegates, so two registrations saved together never share a number.
    /// </summary>
    public int DelegateNumbersIssued { get; set; }

    /// <summary>How long personal data is kept after the forum ends, in days.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>The host that invites, on letterheads: "Foreign Affairs Office of the Hunan Provincial People's Government".</summary>
    public string? HostEn { get; set; }

    public string? HostZh { get; set; }

    /// <summary>The name of the person who signs visa invitation letters, as printed under the signature line; none leaves the line to the office.</summary>
    public string? SignatoryNameEn { get; set; }

    public string? SignatoryNameZh { get; set; }

    /// <summary>The signatory's title ("Director General"), printed under the name and above the office.</summary>
    public string? SignatoryTitleEn { get; set; }

    public string? SignatoryTitleZh { get; set; }

    /// <summary>Notices in both languages in one message, Chinese first; otherwise in each delegate's preferred language.</summary>
    public bool NoticesInBothLanguages { get; set; }

    /// <summary>
    /// Whether a security office clears every person before a badge is printed: when on, an uncleared or refused person's
    /// badge is not printed and a scan answers <c>not-cleared</c>.
    /// </summary>
    public bool ClearanceRequired { get; set; }

    /// <summary>The languages this edition publishes in beyond English and Chinese, comma-separated codes ("ru,ar").</summary>
    public string FurtherLanguages { get; set; } = string.Empty;

    /// <summary>The edition this one was cloned from, if any: "last edition" for inviting its delegation heads again.</summary>
    public int? ClonedFromId { get; set; }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    /// <summary>A detached copy, for showing the edition with its texts in another language.</summary>
    public Forum Copy() => (Forum)MemberwiseClone();

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

public enum ForumStatus
{
    Draft = 0,
    Open = 1,
    Closed = 2,
    Archived = 3,
}
