using ForumManager.Core.Forums;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Forums;

/// <summary>
/// The edition being worked on. For the public, the API and background work it is the public edition: the latest one
/// that is open or closed (drafts and archives are not shown). An organizer (or staff) who chose another edition to work
/// on gets that one instead, on the areas where the choice is honoured (<see cref="IChosenEdition"/> decides).
/// </summary>
public sealed class CurrentForum(ForumDbContext db, IChosenEdition chosen)
{
    private Forum? _forum;
    private bool _loaded;
    private Forum? _public;
    private bool _publicLoaded;

    /// <summary>Only the public edition, whatever anyone chose: for work that must never follow a person's choice.</summary>
    public CurrentForum(ForumDbContext db) : this(db, NoChosenEdition.Instance)
    {
    }

    public async Task<Forum?> GetAsync(CancellationToken ct)
    {
        if (!_loaded)
        {
            if (chosen.ForumId is { } id)
            {
                _forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
            }

            _forum ??= await PublicAsync(ct);
            _loaded = true;
        }

        return _forum;
    }

    /// <summary>The edition the public site shows, whatever edition this person works on.</summary>
    public async Task<Forum?> PublicAsync(CancellationToken ct)
    {
        if (!_publicLoaded)
        {
            _public = await db.Forums.AsNoTracking()
                .Where(f => f.Status == ForumStatus.Open || f.Status == ForumStatus.Closed)
                .OrderByDescending(f => f.StartDate)
                .FirstOrDefaultAsync(ct);
            _publicLoaded = true;
        }

        return _public;
    }
}

/// <summary>
/// The edition a person chose to work on, when the place they are at honours that choice (organizer and staff areas,
/// never the public pages nor the API); null for the public edition. The web project supplies the real one.
/// </summary>
public interface IChosenEdition
{
    int? ForumId { get; }
}

/// <summary>No choice: the public edition, as background work and tests without a request see it.</summary>
public sealed class NoChosenEdition : IChosenEdition
{
    public static NoChosenEdition Instance { get; } = new();

    public int? ForumId => null;
}
