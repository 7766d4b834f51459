using ForumManager.Core.Directory;

namespace ForumManager.Data.Seeding;

/// <summary>
/// Reference data for the demo forum: partner cities of Hunan and its cities, and people's names as they are
/// written in their own script and in their passports. Ties are modelled on Hunan's real ones; where the exact
/// partner or year is not public record, they are plausible rather than historical.
/// </summary>
public static class DemoData
{
    private const CityRelation Sister = CityRelation.SisterCity;
    private const CityRelation Friendly = CityRelation.FriendlyPartnership;
    private const CityRelation Trade = CityRelation.TradePartnership;

    public static IReadOnlyList<CitySeed> Cities { get; } =
    [
        new("Brazzaville", "布拉柴维尔", null, "CG", "Changsha", "长沙市", Sister, 1982, "fr"),
        new("Shiga Prefecture", "滋贺县", "滋賀県", "JP", "Hunan Province", "湖南省", Sister, 1983, "ja"),
        new("Kagoshima", "鹿儿岛市", "鹿児島市", "JP", "Changsha", "长沙市", Sister, 1985, "ja"),
        new("Kumamoto", "熊本市", "熊本市", "JP", "Zhuzhou", "株洲市", Sister, 1990, "ja"),
        new("Gyeongsangnam-do", "庆尚南道", "경상남도", "KR", "Hunan Province", "湖南省", Sister, 1994, "ko"),
        new("Gumi", "龟尾市", "구미시", "KR", "Changsha", "长沙市", Sister, 1998, "ko"),
        new("Jeonju", "全州市", "전주시", "KR", "Xiangtan", "湘潭市", Trade, 2004, "ko"),
        new("Saint Paul", "圣保罗市", null, "US", "Changsha", "长沙市", Sister, 1988, "en"),
        new("Kansas", "堪萨斯州", null, "US", "Hunan Province", "湖南省", Friendly, 2006, "en"),
        new("Chattanooga", "查塔努加市", null, "US", "Yueyang", "岳阳市", Trade, 2010, "en"),
        new("Ulyanovsk Oblast", "乌里扬诺夫斯克州", "Ульяновская область", "RU", "Hunan Province", "湖南省", Sister, 2007, "ru"),
        new("Kazan", "喀山市", "Казань", "RU", "Changsha", "长沙市", Friendly, 2008, "ru"),
        new("Rhineland-Palatinate", "莱茵兰-普法尔茨州", "Rheinland-Pfalz", "DE", "Hunan Province", "湖南省", Sister, 1986, "de"),
        new("Kassel", "卡塞尔市", null, "DE", "Changsha", "长沙市", Sister, 1992, "de"),
        new("Nuremberg", "纽伦堡市", "Nürnberg", "DE", "Zhuzhou", "株洲市", Trade, 2005, "de"),
        new("Poitou-Charentes", "普瓦图-夏朗德大区", null, "FR", "Hunan Province", "湖南省", Sister, 1986, "fr"),
        new("Saint-Etienne", "圣艾蒂安市", "Saint-Étienne", "FR", "Xiangtan", "湘潭市", Sister, 1995, "fr"),
        new("Nottingham", "诺丁汉市", null, "GB", "Changsha", "长沙市", Friendly, 2003, "en"),
        new("Perth", "珀斯市", null, "AU", "Changsha", "长沙市", Sister, 1999, "en"),
        new("Curitiba", "库里蒂巴市", null, "BR", "Changsha", "长沙市", Friendly, 2001, "pt"),
        new("Florianopolis", "弗洛里亚诺波利斯市", "Florianópolis", "BR", "Zhangjiajie", "张家界市", Trade, 2008, "pt"),
        new("Luxor", "卢克索市", "الأقصر", "EG", "Zhangjiajie", "张家界市", Sister, 2002, "ar"),
        new("Alexandria", "亚历山大市", "الإسكندرية", "EG", "Changsha", "长沙市", Friendly, 2006, "ar"),
        new("Fez", "非斯市", "فاس", "MA", "Changsha", "长沙市", Sister, 2007, "ar"),
        new("Bhopal", "博帕尔市", "भोपाल", "IN", "Changsha", "长沙市", Friendly, 2009, "hi"),
        new("Jaipur", "斋浦尔市", "जयपुर", "IN", "Zhangjiajie", "张家界市", Trade, 2010, "hi"),
        new("Chiang Mai", "清迈府", "เชียงใหม่", "TH", "Changsha", "长沙市", Sister, 2003, "th"),
        new("Phuket", "普吉府", "ภูเก็ต", "TH", "Zhangjiajie", "张家界市", Friendly, 2006, "th"),
        new("Thessaloniki", "塞萨洛尼基市", "Θεσσαλονίκη", "GR", "Changsha", "长沙市", Sister, 2005, "el"),
        new("Heraklion", "伊拉克利翁市", "Ηράκλειο", "GR", "Yueyang", "岳阳市", Trade, 2009, "el"),
        new("Hue", "顺化市", "Huế", "VN", "Changsha", "长沙市", Sister, 2008, "vi"),
        new("Ha Long", "下龙市", "Hạ Long", "VN", "Zhangjiajie", "张家界市", Friendly, 2004, "vi"),
        new("Guadalajara", "瓜达拉哈拉市", null, "MX", "Changsha", "长沙市", Trade, 2006, "es"),
        new("Oaxaca", "瓦哈卡州", null, "MX", "Huaihua", "怀化市", Trade, 2010, "es"),
        new("Pisa", "比萨市", null, "IT", "Changsha", "长沙市", Friendly, 2002, "it"),
        new("Matera", "马泰拉市", null, "IT", "Xiangxi Tujia and Miao Autonomous Prefecture", "湘西土家族苗族自治州", Trade, 2009, "it"),
        new("Pecs", "佩奇市", "Pécs", "HU", "Changsha", "长沙市", Sister, 2004, "hu"),
        new("Saskatchewan", "萨斯喀彻温省", null, "CA", "Hunan Province", "湖南省", Sister, 1997, "en"),
        new("Winnipeg", "温尼伯市", null, "CA", "Changsha", "长沙市", Friendly, 2000, "en"),
        new("Tauranga", "陶朗加市", null, "NZ", "Yueyang", "岳阳市", Sister, 2007, "en"),
        new("Zaragoza", "萨拉戈萨市", null, "ES", "Changsha", "长沙市", Friendly, 2005, "es"),
        new("Braga", "布拉加市", null, "PT", "Changde", "常德市", Trade, 2006, "pt"),
        new("Stellenbosch", "斯泰伦博斯市", null, "ZA", "Changsha", "长沙市", Friendly, 2008, "en"),
    ];

    public static IReadOnlyDictionary<string, NamePool> Names { get; } = new Dictionary<string, NamePool>
    {
        ["ja"] = new(
            [("Yamada", "山田"), ("Tanaka", "田中"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"), ("Watanabe", "渡辺"), ("Ito", "伊藤"), ("Nakamura", "中村"), ("Kobayashi", "小林"), ("Kato", "加藤"), ("Yoshida", "吉田"), ("Sasaki", "佐々木"), ("Matsumoto", "松本")],
            [("Taro", "太郎", false), ("Hiroshi", "博", false), ("Kenji", "健二", false), ("Takeshi", "武", false), ("Makoto", "誠", false), ("Shigeru", "茂", false), ("Yuki", "由紀", true), ("Keiko", "恵子", true), ("Yoko", "洋子", true), ("Naoko", "直子", true), ("Akiko", "明子", true), ("Sakura", "さくら", true)],
            NativeFamilyFirst: true, NativeSeparator: ""),
        ["ko"] = new(
            [("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"), ("Cho", "조"), ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임"), ("Han", "한"), ("Shin", "신")],
            [("Minjun", "민준", false), ("Seojun", "서준", false), ("Dohyun", "도현", false), ("Jihoon", "지훈", false), ("Sungmin", "성민", false), ("Youngho", "영호", false), ("Seoyeon", "서연", true), ("Jiwoo", "지우", true), ("Minji", "민지", true), ("Eunji", "은지", true), ("Hyejin", "혜진", true), ("Sujin", "수진", true)],
            NativeFamilyFirst: true, NativeSeparator: ""),
        ["ru"] = new(
            [("Ivanov", "Иванов"), ("Petrov", "Петров"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"), ("Popov", "Попов"), ("Sokolov", "Соколов"), ("Lebedev", "Лебедев"), ("Kozlov", "Козлов"), ("Novikov", "Новиков"), ("Morozov", "Морозов"), ("Volkov", "Волков"), ("Zaitsev", "Зайцев")],
            [("Ivan", "Иван", false), ("Sergei", "Сергей", false), ("Dmitrii", "Дмитрий", false), ("Aleksei", "Алексей", false), ("Mikhail", "Михаил", false), ("Andrei", "Андрей", false), ("Olga", "Ольга", true), ("Tatiana", "Татьяна", true), ("Elena", "Елена", true), ("Natalia", "Наталья", true), ("Irina", "Ирина", true), ("Svetlana", "Светлана", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["ar"] = new(
            [("Al-Sayed", "السيد"), ("Hassan", "حسن"), ("Mahmoud", "محمود"), ("Ibrahim", "إبراهيم"), ("Abdelrahman", "عبد الرحمن"), ("El-Masry", "المصري"), ("Benali", "بن علي"), ("Alaoui", "العلوي"), ("Mansour", "منصور"), ("Khalil", "خليل"), ("Youssef", "يوسف"), ("Haddad", "حداد")],
            [("Mohamed", "محمد", false), ("Ahmed", "أحمد", false), ("Omar", "عمر", false), ("Karim", "كريم", false), ("Tarek", "طارق", false), ("Youssef", "يوسف", false), ("Fatima", "فاطمة", true), ("Amina", "أمينة", true), ("Nour", "نور", true), ("Salma", "سلمى", true), ("Layla", "ليلى", true), ("Mariam", "مريم", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["hi"] = new(
            [("Sharma", "शर्मा"), ("Verma", "वर्मा"), ("Gupta", "गुप्ता"), ("Singh", "सिंह"), ("Mishra", "मिश्रा"), ("Joshi", "जोशी"), ("Patel", "पटेल"), ("Agarwal", "अग्रवाल"), ("Chauhan", "चौहान"), ("Tiwari", "तिवारी"), ("Pandey", "पांडे"), ("Saxena", "सक्सेना")],
            [("Rahul", "राहुल", false), ("Amit", "अमित", false), ("Rajesh", "राजेश", false), ("Vikram", "विक्रम", false), ("Suresh", "सुरेश", false), ("Anil", "अनिल", false), ("Priya", "प्रिया", true), ("Anjali", "अंजलि", true), ("Sunita", "सुनीता", true), ("Kavita", "कविता", true), ("Neha", "नेहा", true), ("Pooja", "पूजा", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["th"] = new(
            [("Srisuk", "ศรีสุข"), ("Saetang", "แซ่ตั้ง"), ("Wongsa", "วงศา"), ("Chaiyaphum", "ชัยภูมิ"), ("Rattanakorn", "รัตนากร"), ("Boonmee", "บุญมี"), ("Suwannarat", "สุวรรณรัตน์"), ("Thongdee", "ทองดี"), ("Kaewmanee", "แก้วมณี"), ("Phromma", "พรหมมา"), ("Sukjai", "สุขใจ"), ("Chanthra", "จันทรา")],
            [("Somchai", "สมชาย", false), ("Somsak", "สมศักดิ์", false), ("Prasert", "ประเสริฐ", false), ("Anan", "อนันต์", false), ("Wichai", "วิชัย", false), ("Kittisak", "กิตติศักดิ์", false), ("Malee", "มาลี", true), ("Siriporn", "ศิริพร", true), ("Kanya", "กัญญา", true), ("Pornthip", "พรทิพย์", true), ("Wanida", "วนิดา", true), ("Nittaya", "นิตยา", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["el"] = new(
            [("Papadopoulos", "Παπαδόπουλος"), ("Georgiou", "Γεωργίου"), ("Nikolaidis", "Νικολαΐδης"), ("Dimitriou", "Δημητρίου"), ("Konstantinidis", "Κωνσταντινίδης"), ("Ioannou", "Ιωάννου"), ("Vlachos", "Βλάχος"), ("Antoniou", "Αντωνίου"), ("Makris", "Μακρής"), ("Oikonomou", "Οικονόμου"), ("Christodoulou", "Χριστοδούλου"), ("Pappas", "Παππάς")],
            [("Georgios", "Γεώργιος", false), ("Dimitrios", "Δημήτριος", false), ("Konstantinos", "Κωνσταντίνος", false), ("Nikolaos", "Νικόλαος", false), ("Ioannis", "Ιωάννης", false), ("Andreas", "Ανδρέας", false), ("Maria", "Μαρία", true), ("Eleni", "Ελένη", true), ("Katerina", "Κατερίνα", true), ("Sofia", "Σοφία", true), ("Anna", "Άννα", true), ("Despina", "Δέσποινα", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["de"] = new(
            [("Mueller", "Müller"), ("Schmidt", "Schmidt"), ("Schneider", "Schneider"), ("Fischer", "Fischer"), ("Weber", "Weber"), ("Meyer", "Meyer"), ("Wagner", "Wagner"), ("Becker", "Becker"), ("Schaefer", "Schäfer"), ("Koch", "Koch"), ("Groesser", "Grösser"), ("Hoffmann", "Hoffmann")],
            [("Juergen", "Jürgen", false), ("Thomas", "Thomas", false), ("Stefan", "Stefan", false), ("Michael", "Michael", false), ("Joerg", "Jörg", false), ("Klaus", "Klaus", false), ("Ursula", "Ursula", true), ("Sabine", "Sabine", true), ("Baerbel", "Bärbel", true), ("Monika", "Monika", true), ("Andrea", "Andrea", true), ("Katharina", "Katharina", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["fr"] = new(
            [("Martin", "Martin"), ("Bernard", "Bernard"), ("Dubois", "Dubois"), ("Lefevre", "Lefèvre"), ("Moreau", "Moreau"), ("Laurent", "Laurent"), ("Girard", "Girard"), ("Mboumba", "Mboumba"), ("Nkounkou", "Nkounkou"), ("Loemba", "Loemba"), ("Gaillard", "Gaillard"), ("Benoit", "Benoît")],
            [("Jean", "Jean", false), ("Pierre", "Pierre", false), ("Francois", "François", false), ("Jerome", "Jérôme", false), ("Andre", "André", false), ("Rene", "René", false), ("Helene", "Hélène", true), ("Celine", "Céline", true), ("Chloe", "Chloé", true), ("Francoise", "Françoise", true), ("Isabelle", "Isabelle", true), ("Genevieve", "Geneviève", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["pt"] = new(
            [("Silva", "Silva"), ("Santos", "Santos"), ("Oliveira", "Oliveira"), ("Conceicao", "Conceição"), ("Goncalves", "Gonçalves"), ("Araujo", "Araújo"), ("Pereira", "Pereira"), ("Ribeiro", "Ribeiro"), ("Falcao", "Falcão"), ("Magalhaes", "Magalhães"), ("Costa", "Costa"), ("Rocha", "Rocha")],
            [("Joao", "João", false), ("Jose", "José", false), ("Antonio", "António", false), ("Sebastiao", "Sebastião", false), ("Paulo", "Paulo", false), ("Marcos", "Marcos", false), ("Ines", "Inês", true), ("Conceicao", "Conceição", true), ("Leticia", "Letícia", true), ("Ana", "Ana", true), ("Patricia", "Patrícia", true), ("Beatriz", "Beatriz", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["vi"] = new(
            [("Nguyen", "Nguyễn"), ("Tran", "Trần"), ("Le", "Lê"), ("Pham", "Phạm"), ("Hoang", "Hoàng"), ("Vu", "Vũ"), ("Dang", "Đặng"), ("Bui", "Bùi"), ("Do", "Đỗ"), ("Ho", "Hồ"), ("Ngo", "Ngô"), ("Duong", "Dương")],
            [("Van An", "Văn An", false), ("Duc Minh", "Đức Minh", false), ("Quoc Bao", "Quốc Bảo", false), ("Huu Phuoc", "Hữu Phước", false), ("Thanh Tung", "Thanh Tùng", false), ("Minh Khoa", "Minh Khoa", false), ("Thi Huong", "Thị Hương", true), ("Thu Trang", "Thu Trang", true), ("Ngoc Anh", "Ngọc Ánh", true), ("Thi Lan", "Thị Lan", true), ("Phuong Thao", "Phương Thảo", true), ("Hong Nhung", "Hồng Nhung", true)],
            NativeFamilyFirst: true, NativeSeparator: " "),
        ["en"] = new(
            [("Smith", "Smith"), ("Johnson", "Johnson"), ("Williams", "Williams"), ("Brown", "Brown"), ("Taylor", "Taylor"), ("Anderson", "Anderson"), ("Thompson", "Thompson"), ("O'Connor", "O'Connor"), ("Campbell", "Campbell"), ("Mitchell", "Mitchell"), ("Van der Merwe", "Van der Merwe"), ("Robinson", "Robinson")],
            [("James", "James", false), ("John", "John", false), ("Robert", "Robert", false), ("David", "David", false), ("Michael", "Michael", false), ("Richard", "Richard", false), ("Mary", "Mary", true), ("Patricia", "Patricia", true), ("Jennifer", "Jennifer", true), ("Elizabeth", "Elizabeth", true), ("Susan", "Susan", true), ("Margaret", "Margaret", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["es"] = new(
            [("Garcia", "García"), ("Rodriguez", "Rodríguez"), ("Martinez", "Martínez"), ("Hernandez", "Hernández"), ("Lopez", "López"), ("Gonzalez", "González"), ("Perez", "Pérez"), ("Sanchez", "Sánchez"), ("Ramirez", "Ramírez"), ("Torres", "Torres"), ("Nunez", "Núñez"), ("Ortiz", "Ortiz")],
            [("Jose", "José", false), ("Juan", "Juan", false), ("Miguel", "Miguel", false), ("Angel", "Ángel", false), ("Jesus", "Jesús", false), ("Alejandro", "Alejandro", false), ("Maria", "María", true), ("Lucia", "Lucía", true), ("Sofia", "Sofía", true), ("Monica", "Mónica", true), ("Veronica", "Verónica", true), ("Carmen", "Carmen", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["it"] = new(
            [("Rossi", "Rossi"), ("Russo", "Russo"), ("Ferrari", "Ferrari"), ("Esposito", "Esposito"), ("Bianchi", "Bianchi"), ("Romano", "Romano"), ("Colombo", "Colombo"), ("Ricci", "Ricci"), ("Marino", "Marino"), ("Greco", "Greco"), ("Nicolo", "Nicolò"), ("Bruno", "Bruno")],
            [("Giuseppe", "Giuseppe", false), ("Giovanni", "Giovanni", false), ("Antonio", "Antonio", false), ("Mario", "Mario", false), ("Luca", "Luca", false), ("Nicolo", "Nicolò", false), ("Giulia", "Giulia", true), ("Francesca", "Francesca", true), ("Chiara", "Chiara", true), ("Paola", "Paola", true), ("Elena", "Elena", true), ("Lucia", "Lucia", true)],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["hu"] = new(
            [("Nagy", "Nagy"), ("Kovacs", "Kovács"), ("Toth", "Tóth"), ("Szabo", "Szabó"), ("Horvath", "Horváth"), ("Varga", "Varga"), ("Kiss", "Kiss"), ("Molnar", "Molnár"), ("Nemeth", "Németh"), ("Farkas", "Farkas"), ("Balogh", "Balogh"), ("Papp", "Papp")],
            [("Laszlo", "László", false), ("Istvan", "István", false), ("Jozsef", "József", false), ("Zoltan", "Zoltán", false), ("Sandor", "Sándor", false), ("Gabor", "Gábor", false), ("Maria", "Mária", true), ("Erzsebet", "Erzsébet", true), ("Katalin", "Katalin", true), ("Eva", "Éva", true), ("Ildiko", "Ildikó", true), ("Zsuzsanna", "Zsuzsanna", true)],
            NativeFamilyFirst: true, NativeSeparator: " "),
    };
}

/// <summary>A partner city; <paramref name="Language"/> is the key of <see cref="DemoData.Names"/> for its people.</summary>
public sealed record CitySeed(string NameEn, string NameZh, string? NameLocal, string CountryCode, string HunanPartnerEn, string HunanPartnerZh,
    CityRelation Relation, int YearEstablished, string Language);

/// <summary>Names of one language, each as written in a passport (Latin) and in the person's own script.</summary>
/// <param name="NativeFamilyFirst">Whether the native full name puts the family name first (zh, ja, ko, vi, hu).</param>
/// <param name="NativeSeparator">"" for Japanese and Korean (山田太郎), " " elsewhere.</param>
public sealed record NamePool(IReadOnlyList<(string Latin, string Native)> FamilyNames, IReadOnlyList<(string Latin, string Native, bool IsFemale)> GivenNames,
    bool NativeFamilyFirst, string NativeSeparator);
