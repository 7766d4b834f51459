using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>One app (and one SQLite file) shared by the tests of a class.</summary>
public sealed class AppFixture : ForumAppFactory;

[CollectionDefinition(nameof(AppCollection))]
public sealed class AppCollection : ICollectionFixture<AppFixture>;
