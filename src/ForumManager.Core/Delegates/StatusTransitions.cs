namespace ForumManager.Core.Delegates;

/// <summary>Which registration status may follow which, and who may make the change.</summary>
public static class StatusTransitions
{
    public static bool OrganizerMay(RegistrationStatus from, RegistrationStatus to) => (from, to) switch
    {
        _ when from == to => false,
        (RegistrationStatus.Cancelled, _) => false,
        (_, RegistrationStatus.Cancelled) => false,
        (_, RegistrationStatus.Submitted) => false,
        _ => true,
    };

    /// <summary>A delegate can only withdraw, and only while the registration is still alive.</summary>
    public static bool DelegateMay(RegistrationStatus from, RegistrationStatus to) =>
        to == RegistrationStatus.Cancelled && from is RegistrationStatus.Submitted or RegistrationStatus.Approved or RegistrationStatus.Waitlisted;

    public static bool HoldsPlace(RegistrationStatus status) =>
        status is RegistrationStatus.Submitted or RegistrationStatus.Approved;
}
