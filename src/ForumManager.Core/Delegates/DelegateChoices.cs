namespace ForumManager.Core.Delegates;

/// <summary>
/// The closed lists a delegate's record chooses from, kept with the record rather than with any one form: every form,
/// import and check reads them here.
/// </summary>
public static class DelegateChoices
{
    /// <summary>Honorifics in the form stored and printed on English documents; each form shows them in its reader's language.</summary>
    public static readonly IReadOnlyList<string> Honorifics = ["Mr", "Ms", "Mrs", "Dr", "Prof", "H.E.", "Hon."];

    /// <summary>Languages the forum interprets into (ISO 639-1).</summary>
    public static readonly IReadOnlyList<string> InterpretationLanguages = ["zh", "en", "fr", "ru", "ar", "es", "ja", "ko", "de", "pt"];
}
