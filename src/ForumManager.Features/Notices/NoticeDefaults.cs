using ForumManager.Core.Notices;

namespace ForumManager.Features.Notices;

/// <summary>The built-in wording of every notice in English and Chinese, used until organizers write their own.</summary>
public static class NoticeDefaults
{
    private const string SignOffEn = "\n\nWith kind regards,\nThe organizing committee of the {{ forum.name }}";
    private const string SignOffZh = "\n\n{{ forum.name }}组委会";

    public static (string Subject, string Body) For(NoticeKind kind, string language) => language == "zh-Hans" ? Chinese(kind) : English(kind);

    private static (string, string) English(NoticeKind kind) => kind switch
    {
        NoticeKind.EmailConfirmation => ("Confirm your email address",
            "Dear {{ delegate.name }},\n\nPlease confirm your email address by opening this link:\n{{ links.confirm }}" + SignOffEn),
        NoticeKind.RegistrationReceived => ("Registration received: {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nThank you for registering for the {{ forum.name }} ({{ forum.dates }}, {{ forum.place }}). The organizers will review your registration and write to you again.\n\nYour registration: {{ links.me }}" + SignOffEn),
        NoticeKind.Approved => ("Registration approved: {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nWe are pleased to confirm your participation in the {{ forum.name }} ({{ forum.dates }}, {{ forum.place }}).\n\nYour registration, check-in code and visa letter: {{ links.me }}\nThe programme: {{ links.agenda }}" + SignOffEn),
        NoticeKind.Waitlisted => ("On the waiting list: {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nAll places of the {{ forum.name }} are taken for now; you are on the waiting list and will hear from us as soon as a place is yours.{% if delegate.reason != blank %}\n\nThe organizers add: {{ delegate.reason }}{% endif %}" + SignOffEn),
        NoticeKind.Rejected => ("Registration not accepted: {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nWe regret that we cannot accept your registration for the {{ forum.name }}.{% if delegate.reason != blank %}\n\nThe organizers add: {{ delegate.reason }}{% endif %}" + SignOffEn),
        NoticeKind.Cancelled => ("Registration cancelled: {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nYour registration for the {{ forum.name }} is cancelled, as you asked." + SignOffEn),
        NoticeKind.Promoted => ("A place is free for you: {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nA place has become free{% if session.title != blank %} in {{ session.title }} ({{ session.when }}){% endif %}, and it is now yours.\n\nYour programme: {{ links.my_agenda }}" + SignOffEn),
        NoticeKind.ProgrammeChange => ("Programme change: {{ session.title }}",
            "Dear {{ delegate.name }},\n\n{% if session.removed %}{{ session.title }} has been taken off the programme.{% else %}{{ session.title }} has changed. It now takes place on {{ session.when }} in {{ session.room }}.{% endif %}\n\nYour programme: {{ links.my_agenda }}" + SignOffEn),
        NoticeKind.Reminder => ("Tomorrow at the {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nWe look forward to welcoming you tomorrow. Your sessions:\n{% for s in agenda %}- {{ s.when }}: {{ s.title }}, {{ s.room }}\n{% endfor %}{% if travel.pickup != blank %}\nYour airport pickup: {{ travel.pickup }}. Driver: {{ travel.driver }}; liaison officer: {{ travel.liaison }}.\n{% endif %}{% if travel.hotel != blank %}\nYour hotel: {{ travel.hotel }} ({{ travel.room }}).\n{% endif %}\nYour calendar is attached; your check-in code is on {{ links.me }}" + SignOffEn),
        NoticeKind.VisaLetterReady => ("Your visa invitation letter for the {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nYour visa invitation letter is ready: {{ links.visa_letter }}\nPlease take it to the Chinese embassy or consulate with your visa application." + SignOffEn),
        NoticeKind.Badge => ("Your check-in code for the {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nYour check-in code is attached. Show it at the check-in desk to collect your badge; it is also on {{ links.me }}" + SignOffEn),
        NoticeKind.PhotoApproved => ("Your photo is approved: {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nThe organizers have approved your photo; it will be printed on your badge.\n\nYour registration: {{ links.me }}" + SignOffEn),
        NoticeKind.PhotoRefused => ("Please send another photo: {{ forum.name }}",
            "Dear {{ delegate.name }},\n\nThe organizers could not accept your photo for your badge.{% if photo.reason != blank %}\n\nThe organizers add: {{ photo.reason }}{% endif %}\n\nPlease upload another passport-style photo: {{ links.photo }}" + SignOffEn),
        _ => ("News from the {{ forum.name }}", "Dear {{ delegate.name }},\n\n" + SignOffEn.TrimStart('\n')),
    };

    private static (string, string) Chinese(NoticeKind kind) => kind switch
    {
        NoticeKind.EmailConfirmation => ("请确认您的邮箱",
            "尊敬的{{ delegate.name }}：\n\n请打开以下链接确认您的电子邮箱：\n{{ links.confirm }}" + SignOffZh),
        NoticeKind.RegistrationReceived => ("报名已收到：{{ forum.name }}",
            "尊敬的{{ delegate.name }}：\n\n感谢您报名参加{{ forum.name }}（{{ forum.dates }}，{{ forum.place }}）。组委会审核后将再次与您联系。\n\n您的报名信息：{{ links.me }}" + SignOffZh),
        NoticeKind.Approved => ("报名已批准：{{ forum.name }}",
            "尊敬的{{ delegate.name }}：\n\n我们很高兴确认您将出席{{ forum.name }}（{{ forum.dates }}，{{ forum.place }}）。\n\n您的报名、签到二维码和签证邀请函：{{ links.me }}\n会议日程：{{ links.agenda }}" + SignOffZh),
        NoticeKind.Waitlisted => ("已列入候补名单：{{ forum.name }}",
            "尊敬的{{ delegate.name }}：\n\n{{ forum.name }}目前名额已满，您已进入候补名单，一旦有名额我们将立即通知您。{% if delegate.reason != blank %}\n\n组委会说明：{{ delegate.reason }}{% endif %}" + SignOffZh),
        NoticeKind.Rejected => ("报名未通过：{{ forum.name }}",
            "尊敬的{{ delegate.name }}：\n\n很遗憾，我们无法接受您对{{ forum.name }}的报名。{% if delegate.reason != blank %}\n\n组委会说明：{{ delegate.reason }}{% endif %}" + SignOffZh),
        NoticeKind.Cancelled => ("报名已取消：{{ forum.name }}",
            "尊敬的{{ delegate.name }}：\n\n根据您的要求，您的{{ forum.name }}报名已取消。" + SignOffZh),
        NoticeKind.Promoted => ("您已获得名额：{{ forum.name }}",
            "尊敬的{{ delegate.name }}：\n\n{% if session.title != blank %}{{ session.title }}（{{ session.when }}）{% endif %}有名额空出，现已为您保留。\n\n您的日程：{{ links.my_agenda }}" + SignOffZh),
        NoticeKind.ProgrammeChange => ("日程变更：{{ session.title }}",
            "尊敬的{{ delegate.name }}：\n\n{% if session.removed %}{{ session.title }}已从日程中取消。{% else %}{{ session.title }}有变更，现改于{{ session.when }}在{{ session.room }}举行。{% endif %}\n\n您的日程：{{ links.my_agenda }}" + SignOffZh),
        NoticeKind.Reminder => ("明日{{ forum.name }}日程提醒",
            "尊敬的{{ delegate.name }}：\n\n我们期待明天与您见面。您的日程：\n{% for s in agenda %}- {{ s.when }}：{{ s.title }}，{{ s.room }}\n{% endfor %}{% if travel.pickup != blank %}\n接机安排：{{ travel.pickup }}。司机：{{ travel.driver }}；联络员：{{ travel.liaison }}。\n{% endif %}{% if travel.hotel != blank %}\n您的酒店：{{ travel.hotel }}（{{ travel.room }}）。\n{% endif %}\n日历文件见附件；签到二维码见{{ links.me }}" + SignOffZh),
        NoticeKind.VisaLetterReady => ("您的{{ forum.name }}签证邀请函",
            "尊敬的{{ delegate.name }}：\n\n您的签证邀请函已可下载：{{ links.visa_letter }}\n请在申请签证时将其提交给中国驻外使领馆。" + SignOffZh),
        NoticeKind.Badge => ("您的{{ forum.name }}签到二维码",
            "尊敬的{{ delegate.name }}：\n\n附件是您的签到二维码，请在签到台出示以领取胸卡；也可在{{ links.me }}查看。" + SignOffZh),
        NoticeKind.PhotoApproved => ("您的照片已通过审核：{{ forum.name }}",
            "尊敬的{{ delegate.name }}：\n\n组委会已审核通过您的照片，该照片将印制在您的胸卡上。\n\n您的报名信息：{{ links.me }}" + SignOffZh),
        NoticeKind.PhotoRefused => ("请重新提交照片：{{ forum.name }}",
            "尊敬的{{ delegate.name }}：\n\n很抱歉，您的照片未能用于制作胸卡。{% if photo.reason != blank %}\n\n组委会说明：{{ photo.reason }}{% endif %}\n\n请重新上传一张证件照：{{ links.photo }}" + SignOffZh),
        _ => ("{{ forum.name }}通知", "尊敬的{{ delegate.name }}：\n\n" + SignOffZh.TrimStart('\n')),
    };
}
