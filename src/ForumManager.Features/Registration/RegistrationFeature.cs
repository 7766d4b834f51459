using ForumManager.Data;

namespace ForumManager.Features.Registration;

public static class RegistrationFeature
{
    /// <summary>Registering, admitting a delegate, the questions, editing a record, status changes, invitations and accompanying persons.</summary>
    public static IServiceCollection AddRegistration(this IServiceCollection services) => services
        .AddScoped<ForumPlaces>()
        .AddScoped<Admissions>()
        .AddScoped<OpenRegistration>()
        .AddScoped<RegistrationStatusChanges>()
        .AddScoped<QuestionForm>()
        .AddScoped<QuestionEditor>()
        .AddScoped<DelegateEditor>()
        .AddScoped<DelegationInvitations>()
        .AddScoped<AccompanyingPersons>();
}
