using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// MVC makes every non-nullable property required with a RequiredAttribute of its own that carries no message, and
/// the data annotations localizer translates only messages that are set: the field would say "The X field is
/// required." in English whatever the page's language. This gives those attributes the house message, which the
/// localizer then reads in the request's culture.
/// </summary>
internal sealed class ImplicitRequiredMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
        {
            if (required.ErrorMessage is null && required.ErrorMessageResourceType is null)
            {
                required.ErrorMessage = "Validation_Required";
            }
        }
    }
}
