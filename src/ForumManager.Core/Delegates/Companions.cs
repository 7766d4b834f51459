namespace ForumManager.Core.Delegates;

/// <summary>Why an accompanying person comes with a delegate.</summary>
public enum CompanionRole
{
    Spouse = 1,
    Aide = 2,
    Interpreter = 3,
    SecurityOfficer = 4,
}

public static class Companions
{
    /// <summary>How many people one delegate may bring; protocol offices allow a spouse, an aide, an interpreter and a guard.</summary>
    public const int MaxPerDelegate = 4;

    /// <summary>Who may bring companions: someone who attends in their own right and still takes part.</summary>
    public static bool MayBring(Delegate person) => MayBring(person.AccompaniesId is not null, person.Status);

    public static bool MayBring(bool isCompanion, RegistrationStatus status) =>
        !isCompanion && status is not (RegistrationStatus.Cancelled or RegistrationStatus.Rejected);

    /// <summary>
    /// The room a companion shares with the person they accompany: a spouse shares a double bed, anyone else a twin room.
    /// </summary>
    public static Logistics.RoomType SharedRoom(CompanionRole role) => role == CompanionRole.Spouse ? Logistics.RoomType.Double : Logistics.RoomType.Twin;
}
