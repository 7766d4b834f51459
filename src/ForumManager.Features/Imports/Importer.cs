using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Directory;
using ForumManager.Core.Forums;
using ForumManager.Core.Imports;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Notices;
using ForumManager.Features.Privacy;
using ForumManager.Features.Registration;
using ForumManager.Features.Text;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Imports;

/// <summary>A row as the preview shows it: who it is, and every reason it cannot be imported (none for a good row).</summary>
public sealed record CheckedRow(int Number, string Who, IReadOnlyList<string> Problems)
{
    public bool Good => Problems.Count == 0;

    /// <summary>The reference of the delegate a good row updates; null for a row that creates a delegate.</summary>
    public string? Updates { get; init; }

    internal Delegate? Delegate { get; init; }

    /// <summary>For a row that updates: the delegate's id and what the row writes to the record.</summary>
    internal (int Id, Action<Delegate> Apply)? Update { get; init; }
    internal (PartnerCity? City, string? Institution, string? Country, string Email, int Quota)? Invitation { get; init; }
}

public sealed record ImportResult(int Imported, int Skipped, int Waitlisted, int Updated = 0);

/// <summary>
/// Checks every row of an uploaded file by the same rules as the forms, and imports the good rows whole in one
/// transaction once the organizer confirms. A bad row is never half imported: it is not imported at all.
/// </summary>
public sealed class Importer(ForumDbContext db, Admissions admissions, MailQueue mail, DelegationInvitations invitations,
    PersonalData personalData, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public static readonly IReadOnlyList<string> DelegateColumns =
    [
        "reference", "family_name", "given_name", "native_name", "honorific", "position", "organization", "delegation", "country", "email", "phone",
        "category", "gender", "preferred_language", "dietary_needs", "accessibility_needs", "interpretation_language",
    ];

    public static readonly IReadOnlyList<string> DelegateRequired = ["family_name", "given_name", "country", "email"];
    public static readonly IReadOnlyList<string> InvitationColumns = ["partner_city", "institution", "country", "email", "quota"];
    public static readonly IReadOnlyList<string> InvitationRequired = ["email"];

    /// <summary>Which column each field of the registration form comes from, to put a form check's message on its column.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["Input.FamilyName"] = "family_name", ["Input.GivenName"] = "given_name", ["Input.NativeName"] = "native_name",
        ["Input.Honorific"] = "honorific", ["Input.Position"] = "position", ["Input.Organization"] = "organization",
        ["Input.CountryCode"] = "country", ["Input.Phone"] = "phone", ["Input.Gender"] = "gender", ["Input.PreferredLanguage"] = "preferred_language",
        ["Input.DietaryNeeds"] = "dietary_needs", ["Input.AccessibilityNeeds"] = "accessibility_needs",
        ["Input.InterpretationLanguage"] = "interpretation_language",
    };

    private static readonly (string Column, int MaxLength)[] Lengths =
    [
        ("family_name", 100), ("given_name", 100), ("native_name", 200), ("honorific", 40), ("position", 200), ("organization", 200),
        ("email", 256), ("phone", 32), ("dietary_needs", 500), ("accessibility_needs", 500), ("delegation", 200), ("institution", 200),
    ];

    public static IReadOnlyList<string> Required(ImportKind kind) => kind == ImportKind.Delegates ? DelegateRequired : InvitationRequired;

    public static IReadOnlyList<string> Columns(ImportKind kind) => kind == ImportKind.Delegates ? DelegateColumns : InvitationColumns;

    /// <summary>
    /// An uploaded file as it is kept until the organizer confirms it: encrypted like passport data, since a spreadsheet
    /// may carry columns the import does not read, passport numbers among them.
    /// </summary>
    public byte[] Protect(byte[] upload) => personalData.ProtectUpload(upload);

    /// <summary>Reads and checks a file (kept as <see cref="Protect"/> makes it) against the data as it is now; nothing is written.</summary>
    public async Task<IReadOnlyList<CheckedRow>> CheckAsync(Forum forum, PendingImport file, CancellationToken ct)
    {
        byte[] content;
        try
        {
            content = personalData.UnprotectUpload(file.Content);
        }
        catch (CryptographicException)
        {
            throw new ImportFileException("PersonalData_Unreadable");
        }

        // A file that names delegates by reference may give only the columns it changes; a row without one still needs them all.
        var rows = ImportFile.Read(file.FileName, content, Required(file.Kind), ct, file.Kind == ImportKind.Delegates ? "reference" : null);
        return file.Kind == ImportKind.Delegates ? await CheckDelegatesAsync(forum, rows, ct) : await CheckInvitationsAsync(forum, rows, ct);
    }

    /// <summary>
    /// Imports the good rows of a pending file and forgets the file, in one transaction. The file is claimed by deleting
    /// it, so a second confirmation of the same file finds nothing and imports nothing.
    /// </summary>
    /// <returns>null when the file was already imported or discarded.</returns>
    public async Task<ImportResult?> ConfirmAsync(Forum forum, Guid pendingId, Actor actor, CancellationToken ct)
    {
        var forumId = forum.Id;
        var file = await db.PendingImports.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pendingId && p.ForumId == forumId, ct);
        if (file is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.PendingImports.Where(p => p.Id == pendingId && p.ForumId == forumId).ExecuteDeleteAsync(ct) == 0)
        {
            return null;
        }

        var rows = await CheckAsync(forum, file, ct);
        var good = rows.Where(r => r.Good).ToList();
        var waitlisted = 0;
        var updates = good.Where(r => r.Update is not null).ToList();
        if (file.Kind == ImportKind.Delegates)
        {
            foreach (var row in updates)
            {
                var (id, apply) = row.Update!.Value;
                var record = await db.Delegates.SingleAsync(d => d.Id == id && d.ForumId == forumId, ct);
                var changes = DelegateChanges.Watch(record);
                apply(record);
                if (changes.Compare(record) is { } difference)
                {
                    record.UpdatedUtc = now;
                    db.AuditEntries.Add(actor.Audit(forumId, now, nameof(Delegate), id, "import-updated",
                        difference.Before, $"{difference.After}\n({file.FileName}, row {row.Number})"));
                }
            }

            var admitted = good.Where(r => r.Update is null).ToList();
            await admissions.AdmitAllAsync(forum, admitted.Select(r => (r.Delegate!, new Admission(actor, "imported", RegistrationStatus.Approved, $"{file.FileName}, row {r.Number}"))).ToList(), ct);
            waitlisted = admitted.Count(r => r.Delegate!.Status == RegistrationStatus.Waitlisted);
        }
        else
        {
            foreach (var row in good.ToList())
            {
                var (city, institution, country, email, quota) = row.Invitation!.Value;
                if (!(await invitations.InviteAsync(forum, city, institution, country, email, quota, actor.Name, ct)).Sent)
                {
                    // Refused by an invitation made since the check a moment ago in this same transaction (an earlier row).
                    good.Remove(row);
                }
            }
        }

        db.AuditEntries.Add(actor.Audit(forumId, now, "Import", 0, "imported-" + file.Kind.ToString().ToLowerInvariant(),
            after: $"{file.FileName}: {good.Count} imported, {rows.Count - good.Count} skipped"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        return new ImportResult(good.Count, rows.Count - good.Count, waitlisted, updates.Count);
    }

    private List<string> CommonProblems(ImportRow row, IEnumerable<string> required)
    {
        var problems = new List<string>();
        foreach (var column in required.Where(c => row[ImportFile.ColumnKey(c)] is null))
        {
            problems.Add(text["Import_ColumnRequired", column]);
        }

        foreach (var (column, max) in Lengths)
        {
            if (row[ImportFile.ColumnKey(column)] is { } value && value.Length > max)
            {
                problems.Add(text["Import_ColumnTooLong", column, max]);
            }
        }

        var email = Email(row);
        if (email.Length > 0 && !new EmailAddressAttribute().IsValid(email))
        {
            problems.Add(text["Import_Column", "email", text["Validation_Email", "email"]]);
        }

        return problems;
    }

    private static string Email(ImportRow row) => (row["email"] ?? string.Empty).ToLowerInvariant();

    private async Task<List<CheckedRow>> CheckDelegatesAsync(Forum forum, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var forumId = forum.Id;
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId).Select(d => new { d.Id, d.NameEn, d.NameZh }).ToListAsync(ct);
        var emails = rows.Select(Email).Where(e => e.Length > 0).Distinct().ToList();
        var registered = (await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && emails.Contains(d.Email)).Select(d => d.Email).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var references = rows.Select(r => DelegateReference.Normalize(r["reference"])).OfType<string>().Distinct().ToList();
        var onFile = new Dictionary<string, Delegate>(StringComparer.Ordinal);
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in references.Chunk(500))
        {
            foreach (var record in await db.Delegates.AsNoTracking().Where(d => chunk.Contains(d.Reference)).ToListAsync(ct))
            {
                if (record.ForumId == forumId)
                {
                    onFile[record.Reference] = record;
                }
                else
                {
                    elsewhere.Add(record.Reference);
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenReferences = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<CheckedRow>();
        foreach (var row in rows)
        {
            // A row with a reference updates that delegate of this forum with the cells it gives; any other reference is refused.
            Delegate? existing = null;
            var problems = new List<string>();
            if (row["reference"] is { } referenceText)
            {
                var reference = DelegateReference.Normalize(referenceText);
                if (reference is not null && onFile.TryGetValue(reference, out existing))
                {
                    if (!seenReferences.Add(reference))
                    {
                        problems.Add(text["Import_Column", "reference", text["Import_ReferenceTwice"]]);
                    }
                }
                else
                {
                    problems.Add(text["Import_Column", "reference",
                        text[reference is not null && elsewhere.Contains(reference) ? "Import_ReferenceOtherForum" : "Import_ReferenceUnknown", referenceText, forum.Acronym]]);
                    result.Add(new CheckedRow(row.Number, referenceText, problems));
                    continue;
                }
            }

            problems.AddRange(CommonProblems(row, existing is null ? DelegateRequired : []));
            var input = existing is null ? new RegistrationInput() : DelegateForm.From(existing);
            input.FamilyName = row["familyname"] ?? input.FamilyName;
            input.GivenName = row["givenname"] ?? input.GivenName;
            input.NativeName = row["nativename"] ?? input.NativeName;
            input.Honorific = row["honorific"] ?? input.Honorific ?? string.Empty;
            input.Position = row["position"] ?? input.Position;
            input.Organization = row["organization"] ?? input.Organization;
            input.CountryCode = row["country"] ?? input.CountryCode;
            input.Email = row["email"] is null ? input.Email : Email(row);
            input.Phone = row["phone"] ?? input.Phone;
            input.PreferredLanguage = row["preferredlanguage"] switch
            {
                null => existing?.PreferredLanguage ?? "en", "en" or "EN" => "en", "zh" or "zh-Hans" or "zh-CN" => "zh-Hans", var other => other,
            };
            input.DietaryNeeds = row["dietaryneeds"] ?? input.DietaryNeeds;
            input.AccessibilityNeeds = row["accessibilityneeds"] ?? input.AccessibilityNeeds;
            input.InterpretationLanguage = row["interpretationlanguage"] ?? input.InterpretationLanguage;
            if (row["gender"] is { } gender)
            {
                input.Gender = gender.ToUpperInvariant() switch { "F" or "FEMALE" => Gender.Female, "M" or "MALE" => Gender.Male, "OTHER" => Gender.Other, _ => (Gender)(-1) };
            }

            DelegateForm.Clean(input);
            var state = new FieldErrors();
            DelegateForm.Validate(input, forum, existing, clock, state, text);
            foreach (var (field, message) in state.All)
            {
                var column = ColumnOfField.GetValueOrDefault(field, field);
                if (existing is not null && row[ImportFile.ColumnKey(column)] is null)
                {
                    // An update leaves this field as it is on file; what the row does not give is not the row's problem.
                    continue;
                }

                problems.Add(text["Import_Column", column, message].Value);
            }

            var category = existing?.Category ?? DelegateCategory.Delegate;
            if (row["category"] is { } categoryText && (!Enum.TryParse(categoryText.Replace(" ", string.Empty, StringComparison.Ordinal), ignoreCase: true, out category)
                || !Enum.IsDefined(category) || int.TryParse(categoryText, out _)))
            {
                problems.Add(text["Import_Column", "category", text["Import_OneOf", string.Join(", ", Enum.GetNames<DelegateCategory>())]]);
            }

            var delegationId = existing?.DelegationId;
            if (PersonName.CleanOrNull(row["delegation"]) is { } delegationName)
            {
                delegationId = delegations.FirstOrDefault(d => string.Equals(d.NameEn, delegationName, StringComparison.OrdinalIgnoreCase) || d.NameZh == delegationName)?.Id;
                if (delegationId is null)
                {
                    problems.Add(text["Import_Column", "delegation", text["Import_UnknownDelegation", delegationName]]);
                }
            }

            if (existing is not null && input.Email != existing.Email && existing.UserId is not null)
            {
                // As on the organizers' edit form: the address a delegate signs in with is theirs to change.
                problems.Add(text["Import_Column", "email", text["Import_EmailIsSignIn", existing.Email]]);
            }
            else if (input.Email.Length > 0 && input.Email != existing?.Email && registered.Contains(input.Email))
            {
                problems.Add(text["Import_Column", "email", text["Register_AlreadyRegistered"]]);
            }
            else if (input.Email.Length > 0 && !seen.Add(input.Email))
            {
                problems.Add(text["Import_Column", "email", text["Import_DuplicateInFile"]]);
            }

            var who = $"{input.FamilyName.ToUpperInvariant()} {input.GivenName} {input.NativeName} <{input.Email}>".Trim();
            if (problems.Count > 0)
            {
                result.Add(new CheckedRow(row.Number, who, problems.Distinct().ToList()));
                continue;
            }

            if (existing is not null)
            {
                var email = input.Email;
                var categoryGiven = row["category"] is not null;
                result.Add(new CheckedRow(row.Number, who, []) { Updates = existing.Reference, Update = (existing.Id, record =>
                {
                    DelegateForm.Apply(input, record, personalData);
                    record.Email = email;
                    record.DelegationId = delegationId;
                    if (categoryGiven)
                    {
                        record.Category = category;
                    }
                }) });
                continue;
            }

            var record = new Delegate
            {
                ForumId = forumId,
                DelegationId = delegationId,
                FamilyName = input.FamilyName,
                GivenName = input.GivenName,
                CountryCode = input.CountryCode,
                Email = input.Email,
                Category = category,
                PrecedenceRank = Precedence.DefaultRank(category, input.Position),
            };
            DelegateForm.Apply(input, record, personalData);
            record.Phone = input.Phone.Length == 0 ? null : input.Phone;
            result.Add(new CheckedRow(row.Number, who, []) { Delegate = record });
        }

        return result;
    }

    private async Task<List<CheckedRow>> CheckInvitationsAsync(Forum forum, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var cities = await db.PartnerCities.AsNoTracking().ToListAsync(ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<CheckedRow>();
        foreach (var row in rows)
        {
            var problems = CommonProblems(row, InvitationRequired);
            var email = Email(row);
            var cityName = PersonName.CleanOrNull(row["partnercity"]);
            var institution = PersonName.CleanOrNull(row["institution"]);
            var country = row["country"]?.ToUpperInvariant();
            var city = cityName is null ? null : cities.FirstOrDefault(c => string.Equals(c.NameEn, cityName, StringComparison.OrdinalIgnoreCase)
                || c.NameZh == cityName || c.NameLocal == cityName);
            if (cityName is not null && city is null)
            {
                problems.Add(text["Import_Column", "partner_city", text["Import_UnknownCity", cityName]]);
            }
            else if (cityName is null && institution is null)
            {
                problems.Add(text["Import_Column", "institution", text["Invite_CityOrInstitution"]]);
            }
            else if (city is null && !Countries.IsKnown(country))
            {
                problems.Add(text["Import_Column", "country", text["Validation_Choose"]]);
            }

            if (institution is not null && institution.IndexOfAny(['<', '>']) >= 0)
            {
                problems.Add(text["Import_Column", "institution", text["Validation_NoMarkup"]]);
            }

            var quota = 5;
            if (row["quota"] is { } quotaText && (!int.TryParse(quotaText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out quota)
                || quota is < 1 or > 100))
            {
                problems.Add(text["Import_Column", "quota", text["Validation_Range", "quota", 1, 100]]);
            }

            if (email.Length > 0 && !seen.Add(email))
            {
                problems.Add(text["Import_Column", "email", text["Import_DuplicateInFile"]]);
            }

            // The same rule as inviting from the delegations page: one open invitation per address, and never a second
            // delegation for someone who already heads one.
            if (problems.Count == 0
                && await invitations.RefusalAsync(forum.Id, DelegationInvitations.NameEn(city, city is null ? institution : null), email, ct) is { } refused)
            {
                var other = UiLanguage.Chinese ? refused.Delegation.NameZh : refused.Delegation.NameEn;
                problems.Add(text["Import_Column", "email",
                    text[refused.Outcome == InvitationOutcome.AlreadyHeads ? "Invite_AlreadyHeads" : "Invite_AlreadyInvited", email, other]]);
            }

            var who = $"{city?.NameEn ?? institution ?? cityName} <{email}>";
            result.Add(problems.Count > 0
                ? new CheckedRow(row.Number, who, problems)
                : new CheckedRow(row.Number, who, []) { Invitation = (city, city is null ? institution : null, country, email, quota) });
        }

        return result;
    }
}
