namespace ForumManager.Features.Accounts;

public static class AccountsFeature
{
    /// <summary>Accounts: creating them and giving roles, their mails, a member's sign-in, and sign-ins to an unknown address.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services) => services
        .AddScoped<UserAccounts>()
        .AddScoped<AccountMail>()
        .AddScoped<AccountConfirmation>()
        .AddScoped<MemberSignIn>()
        .AddScoped<UnknownAddressSignIns>();
}
