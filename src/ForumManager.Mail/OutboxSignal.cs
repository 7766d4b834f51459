using ForumManager.Core.Background;

namespace ForumManager.Mail;

/// <summary>Wakes the dispatcher when a message is queued, so mail leaves at once rather than at the next poll.</summary>
public sealed class OutboxSignal : WakeSignal;
