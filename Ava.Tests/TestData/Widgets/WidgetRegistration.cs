using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.TestData.Widgets;

/// <summary>
/// Adds widgets to the Infrastructure's services without touching the product: the change target and
/// its validator as any kind is registered, and the entity mapped into the test's own model. The table is
/// the test's to create (<see cref="CreateTableSql"/>): the product's migrations know nothing of widgets.
/// </summary>
public static class WidgetRegistration
{
    public const string CreateTableSql = """
        CREATE TABLE "Widgets" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Widgets" PRIMARY KEY AUTOINCREMENT,
            "Name" TEXT NOT NULL, "Size" INTEGER NOT NULL, "Notes" TEXT NOT NULL, "Colour" TEXT NOT NULL,
            "CreatedBy" TEXT NOT NULL, "CreatedAt" INTEGER NOT NULL, "UpdatedBy" TEXT NOT NULL, "UpdatedAt" INTEGER NOT NULL,
            "Version" TEXT NOT NULL)
        """;

    public static void AddWidgets(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<WidgetValues>, WidgetValuesValidator>();
        services.AddSingleton<IChangeTarget, WidgetChangeTarget>();
        // The migrations rightly know nothing of widgets: the model differs from them on purpose.
        services.ConfigureDbContext<SqliteAvaDbContext>(options => options
            .ReplaceService<IModelCustomizer, WidgetModel>()
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)));
    }

    /// <summary>The product's model plus the widgets' table; a model of its own, so other tests' contexts never see widgets.</summary>
    private sealed class WidgetModel(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Widget>(widget =>
            {
                widget.ToTable("Widgets");
                widget.HasKey(w => w.Id);
                widget.Ignore(w => w.Values);
                widget.Property(w => w.CreatedAt).HasConversion(ValueConversions.UtcTicks);
                widget.Property(w => w.UpdatedAt).HasConversion(ValueConversions.UtcTicks);
                widget.Property(w => w.Version).IsConcurrencyToken();
            });
        }
    }
}
