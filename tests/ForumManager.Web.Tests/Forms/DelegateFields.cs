namespace ForumManager.Web.Tests;

/// <summary>
/// The person's details (Pages/Shared/_DelegateFields), which the registration form, the delegate's own edit and the
/// organizer's edit all post under Input.
/// </summary>
internal static class DelegateFields
{
    public const string Honorific = "Input.Honorific";
    public const string FamilyName = "Input.FamilyName";
    public const string GivenName = "Input.GivenName";
    public const string NativeName = "Input.NativeName";
    public const string Position = "Input.Position";
    public const string Organization = "Input.Organization";
    public const string Email = "Input.Email";
    public const string Phone = "Input.Phone";
    public const string CountryCode = "Input.CountryCode";
    public const string DelegationId = "Input.DelegationId";
    public const string PreferredLanguage = "Input.PreferredLanguage";
    public const string Gender = "Input.Gender";
    public const string DietaryNeeds = "Input.DietaryNeeds";
    public const string AccessibilityNeeds = "Input.AccessibilityNeeds";
    public const string InterpretationLanguage = "Input.InterpretationLanguage";
    public const string NeedsVisaLetter = "Input.NeedsVisaLetter";
    public const string PassportNumber = "Input.PassportNumber";
    public const string Nationality = "Input.Nationality";
    public const string DateOfBirth = "Input.DateOfBirth";
    public const string PassportExpiry = "Input.PassportExpiry";
    public const string PassportPlaceOfIssue = "Input.PassportPlaceOfIssue";
}
