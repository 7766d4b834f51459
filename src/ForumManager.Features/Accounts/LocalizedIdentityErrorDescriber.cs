using ForumManager.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Accounts;

/// <summary>
/// Every one of Identity's error messages in the reader's language: whichever of them reaches a page is shown next to a
/// field, so none may be left in Identity's English.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["Identity_DefaultError"]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["Identity_ConcurrencyFailure"]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["Identity_PasswordMismatch"]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["Identity_InvalidToken"]);
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), text["Identity_RecoveryCodeRedemptionFailed"]);
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), text["Identity_LoginAlreadyAssociated"]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["Identity_InvalidUserName", userName ?? string.Empty]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["Identity_InvalidEmail", email ?? string.Empty]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["Identity_DuplicateEmail", userName]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["Identity_DuplicateEmail", email]);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), text["Identity_InvalidRoleName", role ?? string.Empty]);
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), text["Identity_DuplicateRoleName", role]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), text["Identity_UserAlreadyHasPassword"]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), text["Identity_UserLockoutNotEnabled"]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), text["Identity_UserAlreadyInRole", role]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), text["Identity_UserNotInRole", role]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["Identity_PasswordTooShort", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["Identity_PasswordRequiresUniqueChars", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), text["Identity_PasswordRequiresNonAlphanumeric"]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["Identity_PasswordRequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["Identity_PasswordRequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["Identity_PasswordRequiresUpper"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
