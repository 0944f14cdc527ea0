using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Platform.Web;

/// <summary>Form fields get the same free-text normalisation as API requests (<see cref="InputText"/>).</summary>
public sealed class FreeTextModelBinderProvider : IModelBinderProvider
{
    /// <summary>Typed values only: a body, header or service keeps its own binder.</summary>
    private static readonly BindingSource?[] Typed = [null, BindingSource.ModelBinding, BindingSource.Form, BindingSource.Query, BindingSource.Path];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string) || context.Metadata.DataTypeName == nameof(DataType.Password)
            || !Typed.Contains(context.BindingInfo.BindingSource))
        {
            return null;
        }

        var logging = context.Services.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? NullLoggerFactory.Instance;
        return new Binder(new SimpleTypeModelBinder(typeof(string), logging));
    }

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
