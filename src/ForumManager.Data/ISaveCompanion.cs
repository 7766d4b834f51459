namespace ForumManager.Data;

/// <summary>
/// Something saved in the same transaction as the changes that cause it, such as the events an API's webhooks tell of.
/// <see cref="Prepare"/> looks at the changes about to be saved (before their keys are given) and returns what to add
/// once they have been, or null when there is nothing to add; the context then saves what was added and commits both
/// together. Rows that need no key of the change may be added in <see cref="Prepare"/> itself: they go in the same save,
/// with no transaction or second save added. Registered as a singleton; it must not save or query itself.
/// </summary>
public interface ISaveCompanion
{
    Action<ForumDbContext>? Prepare(ForumDbContext db);
}
