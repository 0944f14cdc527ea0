using System.Reflection;

namespace Governance.Architecture.Tests;

/// <summary>The boundaries of the modular monolith, checked on the compiled assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] Modules = ["Accounts", "Policies", "Complaints", "Elections"];

    private static Assembly Load(string name) => Assembly.Load($"Governance.{name}");

    public static TheoryData<string> ModuleNames => new(Modules);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_other_modules_only_through_their_contracts(string module)
    {
        var references = Load(module).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var forbidden = Modules.Where(m => m != module).Select(m => $"Governance.{m}").Intersect(references).ToList();
        Assert.True(forbidden.Count == 0, $"{module} references {string.Join(", ", forbidden)} directly.");
        Assert.DoesNotContain("Governance.Host", references);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_reference_neither_ef_core_nor_aspnet_core(string module)
    {
        var references = Load($"{module}.Contracts").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.All(references.Where(r => r.StartsWith("Governance.", StringComparison.Ordinal)),
            r => Assert.Equal("Governance.SharedKernel", r));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_modules_only_public_type_is_its_module_class(string module)
    {
        var exported = Load(module).GetExportedTypes().Select(t => t.FullName!).ToList();
        Assert.Equal([$"Governance.{module}.{module}Module"], exported);
    }

    [Fact]
    public void The_shared_kernel_depends_on_nothing_of_the_app_nor_on_ef_core_or_aspnet_core()
    {
        var references = Load("SharedKernel").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Governance.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_platform_knows_no_module()
    {
        var references = Load("Platform").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => Modules.Any(m => r.StartsWith($"Governance.{m}", StringComparison.Ordinal)));
    }
}
