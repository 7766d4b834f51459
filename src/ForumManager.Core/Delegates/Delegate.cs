namespace ForumManager.Core.Delegates;

public sealed class Delegate
{
    public int Id { get; set; }
    public int ForumId { get; set; }

    /// <summary>
    /// The readable reference (<see cref="DelegateReference"/>), unique within the forum. The database context gives it
    /// when the registration is first saved, from the forum's own count, so every way a delegate is created gets one.
    /// </summary>
    public string Reference { get; set; } = string.Empty;

    public int? DelegationId { get; set; }
    public Delegation? Delegation { get; set; }

    /// <summary>The Identity account that signs in as this delegate, when there is one.</summary>
    public string? UserId { get; set; }

    /// <summary>Family name in Latin letters, as in the passport.</summary>
    public required string FamilyName { get; set; }

    /// <summary>Given name(s) in Latin letters, as in the passport.</summary>
    public required string GivenName { get; set; }

    /// <summary>The name in the person's own script (山田太郎, Иван Петров, محمد العلي).</summary>
    public string? NativeName { get; set; }

    /// <summary>BCP 47 language of <see cref="NativeName"/>; picks the right CJK typeface on a badge.</summary>
    public string? NativeNameLanguage { get; set; }

    /// <summary>
    /// The names folded for search (<see cref="Text.NameSearch.Key"/>). The database context writes it whenever the
    /// record is saved, so every way a name is written keeps it current.
    /// </summary>
    public string SearchKey { get; set; } = string.Empty;

    public string? Honorific { get; set; }

    /// <summary>Title or position, such as "Mayor" or "Vice President".</summary>
    public string? Position { get; set; }

    public string? Organization { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public required string CountryCode { get; set; }

    public required string Email { get; set; }
    public string? Phone { get; set; }
    public DelegateCategory Category { get; set; }
    public RegistrationStatus Status { get; set; }

    /// <summary>Protocol order: lower ranks go first in lists, badges and seating.</summary>
    public int PrecedenceRank { get; set; }

    /// <summary>"en" or "zh-Hans".</summary>
    public string PreferredLanguage { get; set; } = "en";

    /// <summary>For rooming only; optional.</summary>
    public Gender? Gender { get; set; }

    public string? DietaryNeeds { get; set; }
    public string? AccessibilityNeeds { get; set; }

    /// <summary>The language the delegate wants interpretation into (BCP 47), when they need it.</summary>
    public string? InterpretationLanguage { get; set; }

    public bool NeedsVisaLetter { get; set; }

    /// <summary>Passport number, encrypted with Data Protection; never shown unmasked without an audit entry.</summary>
    public string? PassportNumberProtected { get; set; }

    /// <summary>Date of birth (ISO 8601), encrypted with Data Protection.</summary>
    public string? DateOfBirthProtected { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the passport's country.</summary>
    public string? Nationality { get; set; }

    public DateOnly? PassportExpiry { get; set; }
    public string? PassportPlaceOfIssue { get; set; }

    /// <summary>When the delegate agreed to the data-protection statement.</summary>
    public DateTime? ConsentUtc { get; set; }

    /// <summary>Why an organizer rejected or waitlisted the registration, shown to the delegate.</summary>
    public string? StatusReason { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>
    /// The number of the last change saved to this record, from one counter for all delegates, given in the order the
    /// changes commit (<see cref="Integrations.ChangeCounter"/>). The database context writes it on every save, so an
    /// API client synchronising with <c>changed_since</c> sees every change.
    /// </summary>
    public long ChangeSeq { get; set; }

    /// <summary>
    /// The person this one accompanies (a spouse, an aide, a personal interpreter, a security officer); null for someone who
    /// attends in their own right. A companion has a record, badge, zones, photo and clearance of their own.
    /// </summary>
    public int? AccompaniesId { get; set; }

    /// <summary>Why a companion comes; set exactly when <see cref="AccompaniesId"/> is.</summary>
    public CompanionRole? CompanionRole { get; set; }

    /// <summary>The security office's answer (<see cref="Accreditation.Clearance"/>); it counts only when the forum requires clearance.</summary>
    public Accreditation.ClearanceStatus Clearance { get; set; }

    /// <summary>The security office's reason for a refusal, as imported; shown to organizers and at the desk, not to the delegate.</summary>
    public string? ClearanceReason { get; set; }

    /// <summary>When the security office's answer was imported.</summary>
    public DateTime? ClearanceUtc { get; set; }

    /// <summary>What the badge's QR code carries. A reprint for a lost badge replaces it, and the old badge stops working.</summary>
    public string CheckInToken { get; set; } = CheckIns.CheckInTokens.New();

    /// <summary>Answers to the organizers' own questions.</summary>
    public List<Registration.DelegateAnswer> Answers { get; set; } = [];

    public bool HoldsPlace => StatusTransitions.HoldsPlace(Status);

    public string LatinName => Text.PersonName.Latin(FamilyName, GivenName);
}

public enum Gender
{
    Female = 1,
    Male = 2,
    Other = 3,
}

public enum DelegateCategory
{
    Vip = 0,
    HeadOfDelegation = 1,
    Delegate = 2,
    Speaker = 3,
    Press = 4,
    Staff = 5,
    Organizer = 6,

    /// <summary>Someone who comes with a delegate: a spouse, an aide, a personal interpreter, a security officer.</summary>
    Accompanying = 7,
}

public enum RegistrationStatus
{
    Submitted = 0,
    Approved = 1,
    Waitlisted = 2,
    Rejected = 3,
    Cancelled = 4,
}
