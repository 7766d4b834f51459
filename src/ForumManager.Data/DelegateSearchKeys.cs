using ForumManager.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Data;

/// <summary>
/// Gives a search key to delegates saved before keys existed (the migration that adds the column leaves it empty, since
/// neither SQLite nor SQL Server can fold names as <see cref="NameSearch"/> does), and to records a purge emptied.
/// Runs at every start, after the migrations, however they were applied; with every key filled it is one short query.
/// </summary>
public static class DelegateSearchKeys
{
    private const int Batch = 500;

    public static async Task<int> FillMissingAsync(ForumDbContext db, CancellationToken ct)
    {
        var filled = 0;
        while (true)
        {
            var batch = await db.Delegates.Where(d => d.SearchKey == string.Empty).OrderBy(d => d.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return filled;
            }

            foreach (var record in batch)
            {
                record.SearchKey = NameSearch.Key(record.FamilyName, record.GivenName, record.NativeName);
            }

            // Only the key is written: the record's version (UpdatedUtc), which edits claim, stays as it was.
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            filled += batch.Count;
        }
    }
}
