using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Logging;

namespace Governance.Platform.Web;

/// <summary>Form fields get the same free-text normalisation as API requests (<see cref="InputText"/>).</summary>
public sealed class FreeTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
        => context.Metadata.ModelType == typeof(string) && context.Metadata.DataTypeName != nameof(DataType.Password)
            ? new Binder(new SimpleTypeModelBinder(typeof(string), context.Services.GetService(typeof(ILoggerFactory)) as ILoggerFactory
                ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))
            : null;

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text })
            {
                bindingContext.Result = ModelBindingResult.Success(InputText.Normalise(text));
            }
        }
    }
}
