using ForumManager.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Model binding messages ("The value 'x' is not valid") are formatted when a request binds, so they are read from
/// the resources in the request's culture then. The value is quoted only as far as a person reads it: one of
/// 100,000 characters would otherwise be repeated whole beside its field.
/// </summary>
internal static class ModelBindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider provider)
    {
        static string Text(string key) => SharedResource.Get(key);

        provider.SetValueIsInvalidAccessor(value => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_ValueInvalid"), Quoted(value)));
        provider.SetValueMustNotBeNullAccessor(value => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_ValueRequired"), value));
        provider.SetAttemptedValueIsInvalidAccessor((value, field) => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_AttemptedValueInvalid"), Quoted(value), field));
        provider.SetMissingBindRequiredValueAccessor(field => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_ValueRequired"), field));
        provider.SetMissingKeyOrValueAccessor(() => Text("Binding_KeyOrValueMissing"));
        provider.SetValueMustBeANumberAccessor(field => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_MustBeNumber"), field));
        provider.SetNonPropertyValueMustBeANumberAccessor(() => Text("Binding_MustBeNumberPlain"));
    }

    private static string Quoted(string value) =>
        value is not { Length: > 40 } ? value : value[..(char.IsHighSurrogate(value[39]) ? 39 : 40)] + "…";
}
