using ForumManager.Core.Directory;

namespace ForumManager.Data.Seeding;

/// <summary>
/// Static, deterministic reference data for the demo edition of the 2010 China Hunan International Sister Cities
/// Cooperation Forum: 43 partner cities, provinces and states of Hunan in 24 countries, and pools of people's names
/// as written in passports and in their own script. Ties are modelled on Hunan's real ones (Changsha–Brazzaville 1982,
/// Changsha–Kagoshima 1982, Hunan–Shiga 1983, Hunan–Colorado 1984, Yueyang–Numazu 1985, ...); where the partner or
/// the year is not public record they are plausible rather than historical.
/// </summary>
public static class DemoData
{
    /// <summary>Partner cities in the order they are seeded; Brazzaville, Hunan's first tie, comes first.</summary>
    public static IReadOnlyList<CitySeed> Cities { get; } =
    [
        new("Brazzaville", "布拉柴维尔市", null, "CG", "Changsha", "长沙市", CityRelation.SisterCity, 1982, "fr"),
        new("Kagoshima", "鹿儿岛市", "鹿児島市", "JP", "Changsha", "长沙市", CityRelation.SisterCity, 1982, "ja"),
        new("Shiga Prefecture", "滋贺县", "滋賀県", "JP", "Hunan Province", "湖南省", CityRelation.SisterCity, 1983, "ja"),
        new("Colorado", "科罗拉多州", null, "US", "Hunan Province", "湖南省", CityRelation.SisterCity, 1984, "en"),
        new("Numazu", "沼津市", "沼津市", "JP", "Yueyang", "岳阳市", CityRelation.SisterCity, 1985, "ja"),
        new("Saint Paul", "圣保罗市", null, "US", "Changsha", "长沙市", CityRelation.SisterCity, 1988, "en"),
        new("Centre Region", "中央大区", "Région Centre", "FR", "Hunan Province", "湖南省", CityRelation.SisterCity, 1991, "fr"),
        new("Higashiomi", "东近江市", "東近江市", "JP", "Changde", "常德市", CityRelation.SisterCity, 1994, "ja"),
        new("Pietermaritzburg", "彼得马里茨堡市", null, "ZA", "Zhuzhou", "株洲市", CityRelation.SisterCity, 2002, "en"),
        new("Northern Cape", "北开普省", "Noord-Kaap", "ZA", "Hunan Province", "湖南省", CityRelation.SisterCity, 2003, "en"),
        new("Entebbe", "恩德培市", null, "UG", "Changsha", "长沙市", CityRelation.SisterCity, 2003, "en"),
        new("Hadong County", "河东郡", "하동군", "KR", "Zhangjiajie", "张家界市", CityRelation.SisterCity, 2005, "ko"),
        new("Saarland", "萨尔州", null, "DE", "Hunan Province", "湖南省", CityRelation.SisterCity, 2006, "de"),
        new("Ulyanovsk Oblast", "乌里扬诺夫斯克州", "Ульяновская область", "RU", "Hunan Province", "湖南省", CityRelation.SisterCity, 2009, "ru"),
        new("Marche", "马尔凯大区", null, "IT", "Hunan Province", "湖南省", CityRelation.FriendlyPartnership, 2010, "it"),
        new("Rome", "罗马市", "Roma", "IT", "Changsha", "长沙市", CityRelation.FriendlyPartnership, 2009, "it"),
        new("Rio de Janeiro", "里约热内卢市", null, "BR", "Changsha", "长沙市", CityRelation.FriendlyPartnership, 2009, "pt"),
        new("Annapolis", "安纳波利斯市", null, "US", "Changsha", "长沙市", CityRelation.FriendlyPartnership, 2009, "en"),
        new("Bucheon", "富川市", "부천시", "KR", "Changde", "常德市", CityRelation.SisterCity, 2007, "ko"),
        new("Hanover", "汉诺威市", "Hannover", "DE", "Changde", "常德市", CityRelation.FriendlyPartnership, 2008, "de"),
        new("Apaxco", "阿帕斯科市", null, "MX", "Changde", "常德市", CityRelation.FriendlyPartnership, 2009, "es"),
        new("Nghe An Province", "义安省", "Nghệ An", "VN", "Hunan Province", "湖南省", CityRelation.FriendlyPartnership, 2008, "vi"),
        new("Ulyanovsk", "乌里扬诺夫斯克市", "Ульяновск", "RU", "Xiangtan", "湘潭市", CityRelation.FriendlyPartnership, 2008, "ru"),
        new("Kazan", "喀山市", "Казань", "RU", "Changsha", "长沙市", CityRelation.TradePartnership, 2007, "ru"),
        new("Montargis", "蒙达尔纪市", null, "FR", "Loudi", "娄底市", CityRelation.SisterCity, 2007, "fr"),
        new("Stoke-on-Trent", "特伦特河畔斯托克市", null, "GB", "Zhuzhou", "株洲市", CityRelation.TradePartnership, 2008, "en"),
        new("Geelong", "吉朗市", null, "AU", "Changsha", "长沙市", CityRelation.SisterCity, 2006, "en"),
        new("Sherbrooke", "舍布鲁克市", null, "CA", "Xiangtan", "湘潭市", CityRelation.SisterCity, 2006, "fr"),
        new("Queenstown", "皇后镇", null, "NZ", "Zhangjiajie", "张家界市", CityRelation.FriendlyPartnership, 2008, "en"),
        new("Curitiba", "库里蒂巴市", null, "BR", "Hengyang", "衡阳市", CityRelation.SisterCity, 2004, "pt"),
        new("Braga", "布拉加市", null, "PT", "Yiyang", "益阳市", CityRelation.TradePartnership, 2007, "pt"),
        new("Luxor", "卢克索市", "الأقصر", "EG", "Changsha", "长沙市", CityRelation.SisterCity, 2004, "ar"),
        new("Marrakesh", "马拉喀什市", "مراكش", "MA", "Zhangjiajie", "张家界市", CityRelation.FriendlyPartnership, 2008, "ar"),
        new("Bhopal", "博帕尔市", "भोपाल", "IN", "Changsha", "长沙市", CityRelation.FriendlyPartnership, 2009, "hi"),
        new("Jaipur", "斋浦尔市", "जयपुर", "IN", "Huaihua", "怀化市", CityRelation.TradePartnership, 2010, "hi"),
        new("Chiang Mai", "清迈市", "เชียงใหม่", "TH", "Changsha", "长沙市", CityRelation.SisterCity, 2005, "th"),
        new("Khon Kaen", "孔敬市", "ขอนแก่น", "TH", "Hengyang", "衡阳市", CityRelation.TradePartnership, 2009, "th"),
        new("Thessaloniki", "塞萨洛尼基市", "Θεσσαλονίκη", "GR", "Changsha", "长沙市", CityRelation.SisterCity, 2007, "el"),
        new("Hue", "顺化市", "Huế", "VN", "Changsha", "长沙市", CityRelation.SisterCity, 2006, "vi"),
        new("Oaxaca", "瓦哈卡市", "Oaxaca de Juárez", "MX", "Xiangxi Tujia and Miao Autonomous Prefecture", "湘西土家族苗族自治州", CityRelation.FriendlyPartnership, 2008, "es"),
        new("Szeged", "塞格德市", null, "HU", "Yongzhou", "永州市", CityRelation.SisterCity, 2009, "hu"),
        new("Suncheon", "顺天市", "순천시", "KR", "Yueyang", "岳阳市", CityRelation.SisterCity, 2008, "ko"),
        new("Kimberley", "金伯利市", null, "ZA", "Chenzhou", "郴州市", CityRelation.FriendlyPartnership, 2008, "en"),
    ];

    /// <summary>
    /// Name pools by BCP 47 language tag. Family names carry no gender, so the Russian pool holds surnames that are the
    /// same for women and men (-enko, -ykh, ...) and the Greek pool genitive surnames in -ou, which are also invariant.
    /// </summary>
    public static IReadOnlyDictionary<string, NamePool> Names { get; } = new Dictionary<string, NamePool>
    {
        ["ja"] = new(
            [
                ("Yamada", "山田"), ("Tanaka", "田中"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"), ("Watanabe", "渡辺"),
                ("Ito", "伊藤"), ("Nakamura", "中村"), ("Kobayashi", "小林"), ("Kato", "加藤"), ("Yoshida", "吉田"),
                ("Sasaki", "佐々木"), ("Matsumoto", "松本"), ("Inoue", "井上"), ("Kimura", "木村"),
            ],
            [
                ("Taro", "太郎", false), ("Hiroshi", "博", false), ("Kenji", "健二", false), ("Takeshi", "武", false),
                ("Makoto", "誠", false), ("Shigeru", "茂", false), ("Kazuo", "和夫", false), ("Yuichi", "裕一", false),
                ("Yuki", "由紀", true), ("Keiko", "恵子", true), ("Yoko", "洋子", true), ("Naoko", "直子", true),
                ("Akiko", "明子", true), ("Sakura", "さくら", true), ("Tomoko", "智子", true), ("Mayumi", "真由美", true),
            ],
            NativeFamilyFirst: true, NativeSeparator: ""),
        ["ko"] = new(
            [
                ("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"), ("Cho", "조"),
                ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임"), ("Han", "한"), ("Shin", "신"), ("Oh", "오"), ("Seo", "서"),
            ],
            [
                ("Sungho", "성호", false), ("Youngsoo", "영수", false), ("Jaehyun", "재현", false), ("Dongwook", "동욱", false),
                ("Sangmin", "상민", false), ("Jinho", "진호", false), ("Kwangsoo", "광수", false), ("Hyunwoo", "현우", false),
                ("Eunjung", "은정", true), ("Mikyung", "미경", true), ("Sujin", "수진", true), ("Hyejin", "혜진", true),
                ("Jiyoung", "지영", true), ("Soyoung", "소영", true), ("Eunji", "은지", true), ("Minji", "민지", true),
            ],
            NativeFamilyFirst: true, NativeSeparator: ""),
        ["ru"] = new(
            [
                ("Kovalenko", "Коваленко"), ("Shevchenko", "Шевченко"), ("Bondarenko", "Бондаренко"), ("Tkachenko", "Ткаченко"),
                ("Kravchenko", "Кравченко"), ("Lysenko", "Лысенко"), ("Savchenko", "Савченко"), ("Chernykh", "Черных"),
                ("Sedykh", "Седых"), ("Belykh", "Белых"), ("Dolgikh", "Долгих"), ("Moroz", "Мороз"), ("Melnik", "Мельник"),
                ("Kovalchuk", "Ковальчук"),
            ],
            [
                ("Sergey", "Сергей", false), ("Dmitriy", "Дмитрий", false), ("Aleksey", "Алексей", false), ("Mikhail", "Михаил", false),
                ("Andrey", "Андрей", false), ("Ivan", "Иван", false), ("Vladimir", "Владимир", false), ("Nikolay", "Николай", false),
                ("Olga", "Ольга", true), ("Tatyana", "Татьяна", true), ("Elena", "Елена", true), ("Natalya", "Наталья", true),
                ("Irina", "Ирина", true), ("Svetlana", "Светлана", true), ("Anna", "Анна", true), ("Marina", "Марина", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["ar"] = new(
            [
                ("Al-Sayed", "السيد"), ("Hassan", "حسن"), ("Mahmoud", "محمود"), ("Ibrahim", "إبراهيم"), ("Abdel-Rahman", "عبد الرحمن"),
                ("El-Masry", "المصري"), ("Mansour", "منصور"), ("Khalil", "خليل"), ("Farouk", "فاروق"), ("Soliman", "سليمان"),
                ("Bennani", "بناني"), ("Alaoui", "العلوي"), ("El Idrissi", "الإدريسي"), ("Tazi", "التازي"),
            ],
            [
                ("Mohamed", "محمد", false), ("Ahmed", "أحمد", false), ("Omar", "عمر", false), ("Karim", "كريم", false),
                ("Tarek", "طارق", false), ("Youssef", "يوسف", false), ("Mustafa", "مصطفى", false), ("Hicham", "هشام", false),
                ("Fatima", "فاطمة", true), ("Amina", "أمينة", true), ("Nour", "نور", true), ("Salma", "سلمى", true),
                ("Layla", "ليلى", true), ("Mariam", "مريم", true), ("Hanan", "حنان", true), ("Rania", "رانيا", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["hi"] = new(
            [
                ("Sharma", "शर्मा"), ("Verma", "वर्मा"), ("Gupta", "गुप्ता"), ("Singh", "सिंह"), ("Mishra", "मिश्रा"), ("Joshi", "जोशी"),
                ("Patel", "पटेल"), ("Agarwal", "अग्रवाल"), ("Chauhan", "चौहान"), ("Tiwari", "तिवारी"), ("Pandey", "पाण्डेय"),
                ("Saxena", "सक्सेना"), ("Srivastava", "श्रीवास्तव"), ("Dubey", "दुबे"),
            ],
            [
                ("Rahul", "राहुल", false), ("Amit", "अमित", false), ("Rajesh", "राजेश", false), ("Vikram", "विक्रम", false),
                ("Suresh", "सुरेश", false), ("Anil", "अनिल", false), ("Sanjay", "संजय", false), ("Manoj", "मनोज", false),
                ("Priya", "प्रिया", true), ("Anjali", "अंजलि", true), ("Sunita", "सुनीता", true), ("Kavita", "कविता", true),
                ("Neha", "नेहा", true), ("Pooja", "पूजा", true), ("Rekha", "रेखा", true), ("Meena", "मीना", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["th"] = new(
            [
                ("Srisuk", "ศรีสุข"), ("Saetang", "แซ่ตั้ง"), ("Wongsawat", "วงศ์สวัสดิ์"), ("Rattanakorn", "รัตนากร"), ("Boonmee", "บุญมี"),
                ("Suwannarat", "สุวรรณรัตน์"), ("Thongdee", "ทองดี"), ("Kaewmanee", "แก้วมณี"), ("Phromma", "พรหมมา"), ("Sukjai", "สุขใจ"),
                ("Chaiyasit", "ชัยสิทธิ์"), ("Charoenphon", "เจริญผล"), ("Sriwichai", "ศรีวิชัย"), ("Chaiwong", "ไชยวงศ์"),
            ],
            [
                ("Somchai", "สมชาย", false), ("Somsak", "สมศักดิ์", false), ("Prasert", "ประเสริฐ", false), ("Anan", "อนันต์", false),
                ("Wichai", "วิชัย", false), ("Kittisak", "กิตติศักดิ์", false), ("Surachai", "สุรชัย", false), ("Thawatchai", "ธวัชชัย", false),
                ("Malee", "มาลี", true), ("Siriporn", "ศิริพร", true), ("Kanya", "กัญญา", true), ("Pornthip", "พรทิพย์", true),
                ("Wanida", "วนิดา", true), ("Nittaya", "นิตยา", true), ("Supaporn", "สุภาพร", true), ("Rattana", "รัตนา", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["el"] = new(
            [
                ("Georgiou", "Γεωργίου"), ("Dimitriou", "Δημητρίου"), ("Ioannou", "Ιωάννου"), ("Antoniou", "Αντωνίου"),
                ("Oikonomou", "Οικονόμου"), ("Christodoulou", "Χριστοδούλου"), ("Nikolaou", "Νικολάου"), ("Konstantinou", "Κωνσταντίνου"),
                ("Theodorou", "Θεοδώρου"), ("Panagiotou", "Παναγιώτου"), ("Athanasiou", "Αθανασίου"), ("Vasileiou", "Βασιλείου"),
                ("Stavrou", "Σταύρου"), ("Papaioannou", "Παπαϊωάννου"),
            ],
            [
                ("Georgios", "Γεώργιος", false), ("Dimitrios", "Δημήτριος", false), ("Konstantinos", "Κωνσταντίνος", false),
                ("Nikolaos", "Νικόλαος", false), ("Ioannis", "Ιωάννης", false), ("Andreas", "Ανδρέας", false),
                ("Panagiotis", "Παναγιώτης", false), ("Christos", "Χρήστος", false),
                ("Maria", "Μαρία", true), ("Eleni", "Ελένη", true), ("Aikaterini", "Αικατερίνη", true), ("Sofia", "Σοφία", true),
                ("Anna", "Άννα", true), ("Despoina", "Δέσποινα", true), ("Vasiliki", "Βασιλική", true), ("Georgia", "Γεωργία", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["de"] = new(
            [
                ("Mueller", "Müller"), ("Schmidt", "Schmidt"), ("Schneider", "Schneider"), ("Fischer", "Fischer"), ("Weber", "Weber"),
                ("Meyer", "Meyer"), ("Wagner", "Wagner"), ("Becker", "Becker"), ("Schaefer", "Schäfer"), ("Koch", "Koch"),
                ("Hoffmann", "Hoffmann"), ("Schroeder", "Schröder"), ("Krueger", "Krüger"), ("Gross", "Groß"),
            ],
            [
                ("Juergen", "Jürgen", false), ("Thomas", "Thomas", false), ("Stefan", "Stefan", false), ("Michael", "Michael", false),
                ("Joerg", "Jörg", false), ("Klaus", "Klaus", false), ("Wolfgang", "Wolfgang", false), ("Uwe", "Uwe", false),
                ("Ursula", "Ursula", true), ("Sabine", "Sabine", true), ("Baerbel", "Bärbel", true), ("Monika", "Monika", true),
                ("Andrea", "Andrea", true), ("Katharina", "Katharina", true), ("Doerte", "Dörte", true), ("Birgit", "Birgit", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["fr"] = new(
            [
                ("Martin", "Martin"), ("Bernard", "Bernard"), ("Dubois", "Dubois"), ("Lefevre", "Lefèvre"), ("Moreau", "Moreau"),
                ("Laurent", "Laurent"), ("Girard", "Girard"), ("Benoit", "Benoît"), ("Lemaitre", "Lemaître"), ("Tremblay", "Tremblay"),
                ("Gagnon", "Gagnon"), ("Massamba", "Massamba"), ("Nkounkou", "Nkounkou"), ("Malonga", "Malonga"),
                ("Mabiala", "Mabiala"), ("Ngoma", "Ngoma"),
            ],
            [
                ("Jean", "Jean", false), ("Pierre", "Pierre", false), ("Francois", "François", false), ("Jerome", "Jérôme", false),
                ("Andre", "André", false), ("Dieudonne", "Dieudonné", false), ("Thierry", "Thierry", false), ("Guy", "Guy", false),
                ("Helene", "Hélène", true), ("Celine", "Céline", true), ("Francoise", "Françoise", true), ("Isabelle", "Isabelle", true),
                ("Genevieve", "Geneviève", true), ("Nathalie", "Nathalie", true), ("Chloe", "Chloé", true), ("Brigitte", "Brigitte", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["pt"] = new(
            [
                ("Silva", "Silva"), ("Santos", "Santos"), ("Oliveira", "Oliveira"), ("Conceicao", "Conceição"), ("Goncalves", "Gonçalves"),
                ("Araujo", "Araújo"), ("Pereira", "Pereira"), ("Ribeiro", "Ribeiro"), ("Falcao", "Falcão"), ("Magalhaes", "Magalhães"),
                ("Costa", "Costa"), ("Rocha", "Rocha"), ("Fernandes", "Fernandes"), ("Brandao", "Brandão"),
            ],
            [
                ("Joao", "João", false), ("Jose", "José", false), ("Sebastiao", "Sebastião", false), ("Paulo", "Paulo", false),
                ("Marcos", "Marcos", false), ("Rodrigo", "Rodrigo", false), ("Luis", "Luís", false), ("Fabio", "Fábio", false),
                ("Ines", "Inês", true), ("Leticia", "Letícia", true), ("Ana", "Ana", true), ("Patricia", "Patrícia", true),
                ("Beatriz", "Beatriz", true), ("Fernanda", "Fernanda", true), ("Claudia", "Cláudia", true), ("Marcia", "Márcia", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["vi"] = new(
            [
                ("Nguyen", "Nguyễn"), ("Tran", "Trần"), ("Le", "Lê"), ("Pham", "Phạm"), ("Hoang", "Hoàng"), ("Vu", "Vũ"), ("Dang", "Đặng"),
                ("Bui", "Bùi"), ("Do", "Đỗ"), ("Ho", "Hồ"), ("Ngo", "Ngô"), ("Duong", "Dương"), ("Phan", "Phan"), ("Vo", "Võ"),
            ],
            [
                ("Van An", "Văn An", false), ("Duc Minh", "Đức Minh", false), ("Quoc Bao", "Quốc Bảo", false), ("Huu Phuoc", "Hữu Phước", false),
                ("Thanh Tung", "Thanh Tùng", false), ("Minh Khoa", "Minh Khoa", false), ("Van Hai", "Văn Hải", false), ("Quang Huy", "Quang Huy", false),
                ("Thi Huong", "Thị Hương", true), ("Thu Trang", "Thu Trang", true), ("Ngoc Anh", "Ngọc Ánh", true), ("Thi Lan", "Thị Lan", true),
                ("Phuong Thao", "Phương Thảo", true), ("Hong Nhung", "Hồng Nhung", true), ("Thi Mai", "Thị Mai", true), ("Thanh Ha", "Thanh Hà", true),
            ],
            NativeFamilyFirst: true, NativeSeparator: " "),
        ["en"] = new(
            [
                ("Smith", "Smith"), ("Johnson", "Johnson"), ("Williams", "Williams"), ("Brown", "Brown"), ("Taylor", "Taylor"),
                ("Anderson", "Anderson"), ("Thompson", "Thompson"), ("O'Connor", "O'Connor"), ("Campbell", "Campbell"),
                ("Mitchell", "Mitchell"), ("Robinson", "Robinson"), ("Walker", "Walker"), ("Clarke", "Clarke"),
                ("Van der Merwe", "Van der Merwe"), ("Naidoo", "Naidoo"), ("Mukasa", "Mukasa"),
            ],
            [
                ("James", "James", false), ("John", "John", false), ("Robert", "Robert", false), ("David", "David", false),
                ("Michael", "Michael", false), ("Richard", "Richard", false), ("Peter", "Peter", false), ("Andrew", "Andrew", false),
                ("Mary", "Mary", true), ("Patricia", "Patricia", true), ("Jennifer", "Jennifer", true), ("Elizabeth", "Elizabeth", true),
                ("Susan", "Susan", true), ("Margaret", "Margaret", true), ("Sarah", "Sarah", true), ("Grace", "Grace", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["es"] = new(
            [
                ("Garcia", "García"), ("Rodriguez", "Rodríguez"), ("Martinez", "Martínez"), ("Hernandez", "Hernández"), ("Lopez", "López"),
                ("Gonzalez", "González"), ("Perez", "Pérez"), ("Sanchez", "Sánchez"), ("Ramirez", "Ramírez"), ("Torres", "Torres"),
                ("Nunez", "Núñez"), ("Ortiz", "Ortiz"), ("Flores", "Flores"), ("Jimenez", "Jiménez"),
            ],
            [
                ("Jose", "José", false), ("Juan", "Juan", false), ("Miguel", "Miguel", false), ("Angel", "Ángel", false),
                ("Jesus", "Jesús", false), ("Alejandro", "Alejandro", false), ("Raul", "Raúl", false), ("Fernando", "Fernando", false),
                ("Maria", "María", true), ("Lucia", "Lucía", true), ("Sofia", "Sofía", true), ("Monica", "Mónica", true),
                ("Veronica", "Verónica", true), ("Carmen", "Carmen", true), ("Guadalupe", "Guadalupe", true), ("Rocio", "Rocío", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["it"] = new(
            [
                ("Rossi", "Rossi"), ("Russo", "Russo"), ("Ferrari", "Ferrari"), ("Esposito", "Esposito"), ("Bianchi", "Bianchi"),
                ("Romano", "Romano"), ("Colombo", "Colombo"), ("Ricci", "Ricci"), ("Marino", "Marino"), ("Greco", "Greco"),
                ("Bruno", "Bruno"), ("Gallo", "Gallo"), ("Conti", "Conti"), ("De Luca", "De Luca"), ("Cantu", "Cantù"),
            ],
            [
                ("Giuseppe", "Giuseppe", false), ("Giovanni", "Giovanni", false), ("Antonio", "Antonio", false), ("Mario", "Mario", false),
                ("Luca", "Luca", false), ("Niccolo", "Niccolò", false), ("Marco", "Marco", false), ("Francesco", "Francesco", false),
                ("Giulia", "Giulia", true), ("Francesca", "Francesca", true), ("Chiara", "Chiara", true), ("Paola", "Paola", true),
                ("Elena", "Elena", true), ("Lucia", "Lucia", true), ("Alessandra", "Alessandra", true), ("Federica", "Federica", true),
            ],
            NativeFamilyFirst: false, NativeSeparator: " "),
        ["hu"] = new(
            [
                ("Nagy", "Nagy"), ("Kovacs", "Kovács"), ("Toth", "Tóth"), ("Szabo", "Szabó"), ("Horvath", "Horváth"), ("Varga", "Varga"),
                ("Kiss", "Kiss"), ("Molnar", "Molnár"), ("Nemeth", "Németh"), ("Farkas", "Farkas"), ("Balogh", "Balogh"), ("Papp", "Papp"),
                ("Takacs", "Takács"), ("Juhasz", "Juhász"),
            ],
            [
                ("Laszlo", "László", false), ("Istvan", "István", false), ("Jozsef", "József", false), ("Zoltan", "Zoltán", false),
                ("Sandor", "Sándor", false), ("Gabor", "Gábor", false), ("Peter", "Péter", false), ("Attila", "Attila", false),
                ("Maria", "Mária", true), ("Erzsebet", "Erzsébet", true), ("Katalin", "Katalin", true), ("Eva", "Éva", true),
                ("Ildiko", "Ildikó", true), ("Zsuzsanna", "Zsuzsanna", true), ("Agnes", "Ágnes", true), ("Krisztina", "Krisztina", true),
            ],
            NativeFamilyFirst: true, NativeSeparator: " "),
    };
}

/// <summary>A city, province, state or region abroad with a tie to Hunan Province or one of its cities.</summary>
/// <param name="NameEn">The English name.</param>
/// <param name="NameZh">The standard Chinese name.</param>
/// <param name="NameLocal">The name in the place's own language and script; null where it is the English name.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code of the country.</param>
/// <param name="HunanPartnerEn">Hunan Province or the Hunan city of the tie, in English.</param>
/// <param name="HunanPartnerZh">Hunan Province or the Hunan city of the tie, in Chinese (湖南省, 长沙市, ...).</param>
/// <param name="Relation">Sister city, friendly partnership or trade partnership.</param>
/// <param name="YearEstablished">The year the tie was established.</param>
/// <param name="Language">BCP 47 tag of the names of people from this city: one of the keys of <see cref="DemoData.Names"/>.</param>
public sealed record CitySeed(string NameEn, string NameZh, string? NameLocal, string CountryCode, string HunanPartnerEn, string HunanPartnerZh,
    CityRelation Relation, int YearEstablished, string Language);

/// <summary>People's names in one language, each as written in a passport (Latin) and in the person's own script.</summary>
/// <param name="FamilyNames">(Latin as in a passport, in own script)</param>
/// <param name="GivenNames">(Latin as in a passport, in own script, IsFemale)</param>
/// <param name="NativeFamilyFirst">true where the native full name puts the family name first (zh, ja, ko, vi, hu)</param>
/// <param name="NativeSeparator">"" for zh/ja/ko (山田太郎), " " elsewhere</param>
public sealed record NamePool(IReadOnlyList<(string Latin, string Native)> FamilyNames, IReadOnlyList<(string Latin, string Native, bool IsFemale)> GivenNames,
    bool NativeFamilyFirst, string NativeSeparator);
