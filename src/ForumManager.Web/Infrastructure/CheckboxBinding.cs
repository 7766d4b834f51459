using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// A checkbox posts "true" (with its hidden "false"), so any other value for a boolean comes from a tampered form or a
/// hand-made URL. The value keeps its binding error, shown at the field in the reader's language, but the box is
/// drawn again from the model (unticked): the checkbox tag helper reads a posted value back as a boolean and throws
/// on one that is not, which made every page with a checkbox answer such a request with a 500.
/// </summary>
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool)
            ? new CheckboxBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    private sealed class CheckboxBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (!bindingContext.Result.IsModelSet && bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry) && entry.Errors.Count > 0)
            {
                entry.RawValue = null;
            }
        }
    }
}
