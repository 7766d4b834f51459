using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Model binding messages ("The value 'x' is not valid") are formatted when a request binds, so they are read from
/// the resources in the request's culture then.
/// </summary>
internal static class ModelBindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider provider)
    {
        static string Text(string key) => SharedResource.Get(key);

        provider.SetValueIsInvalidAccessor(value => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_ValueInvalid"), value));
        provider.SetValueMustNotBeNullAccessor(value => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_ValueRequired"), value));
        provider.SetAttemptedValueIsInvalidAccessor((value, field) => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_AttemptedValueInvalid"), value, field));
        provider.SetMissingBindRequiredValueAccessor(field => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_ValueRequired"), field));
        provider.SetMissingKeyOrValueAccessor(() => Text("Binding_KeyOrValueMissing"));
        provider.SetValueMustBeANumberAccessor(field => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text("Binding_MustBeNumber"), field));
        provider.SetNonPropertyValueMustBeANumberAccessor(() => Text("Binding_MustBeNumberPlain"));
    }
}
