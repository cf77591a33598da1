namespace Ava.Tests.Web;

/// <summary>
/// The test classes that share one running app with the demo users. They run one after another;
/// each test that changes users creates its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardAppCollection : ICollectionFixture<AvaAppFactory>
{
    public const string Name = "Dashboard app";
}
