using System.ComponentModel.DataAnnotations;
using System.Text;
using ForumManager.Data;
using ForumManager.Documents;
using ForumManager.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Sets up an authenticator app: the key as text and as a QR code, then a code from the app to prove it works.</summary>
public sealed class EnableAuthenticatorModel(UserManager<ForumUser> users, IUserStore<ForumUser> store, ForumDbContext db, IStringLocalizer<SharedResource> text)
    : ManagePageModel(users)
{
    private const string Issuer = "ForumManager";

    public string SharedKey { get; private set; } = string.Empty;
    public string QrCode { get; private set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation_AuthenticatorCode")]
    [Display(Name = "Field_AuthenticatorCode")]
    public string Code { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (user, challenge) = await CurrentUserAsync();
        if (user is null)
        {
            return challenge!;
        }

        await LoadKeyAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (user, challenge) = await CurrentUserAsync();
        if (user is null)
        {
            return challenge!;
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user, ct);
            return Page();
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var valid = await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), text["TwoFactor_WrongCode"]);
            await LoadKeyAsync(user, ct);
            return Page();
        }

        await Users.SetTwoFactorEnabledAsync(user, true);
        TempData["Status"] = text["Manage_TwoFactorTurnedOn"].Value;
        if (await Users.CountRecoveryCodesAsync(user) == 0)
        {
            TempData[ShowRecoveryCodesModel.TempDataKey] = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray() ?? [];
            return RedirectToPage("./ShowRecoveryCodes");
        }

        return RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task LoadKeyAsync(ForumUser user, CancellationToken ct)
    {
        var key = await KeyAsync(user, ct);
        SharedKey = Grouped(key);
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? "account");
        QrCode = QrCodeImage.PngDataUri($"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{account}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
    }

    /// <summary>
    /// The account's authenticator key, made on the first visit. Two first visits at once (two tabs, a double click)
    /// both find no key and both store one; the database keeps the first, and the other request shows that one, so
    /// every tab shows the key the app will check.
    /// </summary>
    private async Task<string> KeyAsync(ForumUser user, CancellationToken ct)
    {
        if (await Users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return key;
        }

        // The first key is stored without changing the account's security stamp (as a reset would): nothing is turned
        // on until a code from the app proves it, and a new stamp would sign this browser out within the minute.
        try
        {
            var keys = (IUserAuthenticatorKeyStore<ForumUser>)store;
            await keys.SetAuthenticatorKeyAsync(user, Users.GenerateNewAuthenticatorKey(), ct);
            if ((await Users.UpdateAsync(user)).Succeeded)
            {
                return await Users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
            }
        }
        catch (DbUpdateException)
        {
            // The other request stored its key first (the token's key is unique); its key is read below.
        }

        db.ChangeTracker.Clear();
        var stored = await Users.FindByIdAsync(user.Id) ?? user;
        return await Users.GetAuthenticatorKeyAsync(stored) ?? string.Empty;
    }

    private static string Grouped(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }
}
