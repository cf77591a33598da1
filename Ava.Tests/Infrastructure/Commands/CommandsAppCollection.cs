namespace Ava.Tests.Infrastructure.Commands;

/// <summary>The execution-queue tests share one app with its Hangfire server and test allow-list; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class CommandsAppCollection : ICollectionFixture<CommandsApp>
{
    public const string Name = "Commands app";
}
