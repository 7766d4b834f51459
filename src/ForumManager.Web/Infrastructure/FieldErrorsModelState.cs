using ForumManager.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ForumManager.Web.Infrastructure;

public static class FieldErrorsModelState
{
    /// <summary>Puts what a use case found next to the form's fields, under the keys it named them by.</summary>
    public static void AddErrors(this ModelStateDictionary state, FieldErrors errors)
    {
        foreach (var (field, message) in errors.All)
        {
            state.AddModelError(field, message);
        }
    }

    /// <summary>
    /// Puts what a use case found next to the fields binding has not already refused (a required field left empty, a
    /// text over its length), so every mistake shows at once and none twice.
    /// </summary>
    public static void AddErrorsBesideRefused(this ModelStateDictionary state, FieldErrors errors)
    {
        var refused = state.Refused();
        foreach (var (field, message) in errors.All.Where(e => !refused.Contains(e.Field)))
        {
            state.AddModelError(field, message);
        }
    }

    /// <summary>Runs a feature's checks and puts what they found next to the form's fields.</summary>
    public static void Check(this ModelStateDictionary state, Action<FieldErrors> check)
    {
        var errors = new FieldErrors();
        check(errors);
        state.AddErrors(errors);
    }

    /// <summary>The fields binding already refused (a text over its length, say), which a feature's checks then leave alone.</summary>
    public static IReadOnlySet<string> Refused(this ModelStateDictionary state) =>
        state.Where(e => e.Value?.ValidationState == ModelValidationState.Invalid).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
}
