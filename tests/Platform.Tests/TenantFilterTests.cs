using Governance.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Tests;

public sealed class TenantFilterTests : IAsyncLifetime
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private readonly PlatformFixture _platform = new();

    public async Task InitializeAsync()
    {
        using var scope = _platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        db.Widgets.AddRange(new Widget { Id = Guid.NewGuid(), MunicipalityId = A, Name = "a" },
            new Widget { Id = Guid.NewGuid(), MunicipalityId = B, Name = "b" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private async Task<List<string>> VisibleAsync(Action<TenantScope> grant)
    {
        using var scope = _platform.Scope(system: false);
        grant(scope.ServiceProvider.GetRequiredService<TenantScope>());
        return await scope.ServiceProvider.GetRequiredService<TestDbContext>().Widgets.OrderBy(w => w.Name)
            .Select(w => w.Name).ToListAsync();
    }

    [Fact]
    public async Task Each_context_sees_only_the_municipalities_of_its_own_scope()
    {
        // Same model, different scopes, one after the other: the filter must read each context's own scope.
        Assert.Equal(["a"], await VisibleAsync(s => s.Grant([A])));
        Assert.Equal(["b"], await VisibleAsync(s => s.Grant([B])));
        Assert.Equal(["a", "b"], await VisibleAsync(s => s.Grant([A, B])));
        Assert.Equal(["a", "b"], await VisibleAsync(s => s.RunAsSystem()));
        Assert.Equal(["b"], await VisibleAsync(s => s.Restrict(B)));
    }

    [Fact]
    public async Task A_scope_that_was_granted_nothing_sees_nothing()
        => Assert.Empty(await VisibleAsync(_ => { }));
}
