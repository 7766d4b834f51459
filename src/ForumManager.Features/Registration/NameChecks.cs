using ForumManager.Core.Delegates;
using ForumManager.Core.Registration;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Registration;

/// <summary>The checks every form that names a person makes, with the message next to each field.</summary>
public static class NameChecks
{
    public static void Check(FieldErrors state, IStringLocalizer text, string honorific, string familyName, string givenName,
        string? nativeName, string? position)
    {
        if (familyName.Length > 0 && !NameRules.IsPassportLatin(familyName))
        {
            state.Add("Input.FamilyName", text["Validation_PassportLatin"]);
        }

        if (givenName.Length > 0 && !NameRules.IsPassportLatin(givenName))
        {
            state.Add("Input.GivenName", text["Validation_PassportLatin"]);
        }

        if (nativeName is not null && !NameRules.IsName(nativeName))
        {
            state.Add("Input.NativeName", text["Validation_NameCharacters"]);
        }

        if (position is not null && position.IndexOfAny(['<', '>']) >= 0)
        {
            state.Add("Input.Position", text["Validation_NoMarkup"]);
        }

        if (honorific.Length > 0 && !DelegateChoices.Honorifics.Contains(honorific))
        {
            state.Add("Input.Honorific", text["Validation_Choose"]);
        }
    }
}
