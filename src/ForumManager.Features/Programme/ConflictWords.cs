using ForumManager.Core.Programme;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Programme;

/// <summary>Says a conflict in words, naming the sessions, the room and the person concerned.</summary>
public sealed class ConflictWords(IStringLocalizer text, Func<int, string> session, Func<int, string> room, Func<PersonKey, string> person)
{
    public string Describe(Conflict conflict) => conflict.Kind switch
    {
        ConflictKind.RoomDoubleBooked => text["Conflict_Room", room(conflict.RoomId ?? 0), session(conflict.Other ?? 0)],
        ConflictKind.PersonDoubleBooked => text["Conflict_Person", person(conflict.Person!.Value), session(conflict.Other ?? 0)],
        ConflictKind.RoomTooSmall => text["Conflict_TooSmall", room(conflict.RoomId ?? 0)],
        ConflictKind.OutsideOpeningHours => text["Conflict_Hours", room(conflict.RoomId ?? 0)],
        ConflictKind.TooLittleTravelTime => text["Conflict_Travel", person(conflict.Person!.Value), session(conflict.Other ?? 0)],
        ConflictKind.NoInterpretationBooth => text["Conflict_NoBooth", room(conflict.RoomId ?? 0)],
        _ => conflict.Kind.ToString(),
    };
}
