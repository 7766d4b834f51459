using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Accounts;

/// <summary>Identity's error messages (password too short, name taken...) in the reader's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["Identity_PasswordTooShort", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["Identity_PasswordRequiresUniqueChars", uniqueChars]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["Identity_DuplicateEmail", email]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["Identity_DuplicateEmail", userName]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["Identity_InvalidEmail", email ?? string.Empty]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["Identity_InvalidToken"]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["Identity_PasswordMismatch"]);
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["Identity_DefaultError"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
