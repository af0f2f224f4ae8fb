using Katalyst.Synthetic.Labels;

namespace Katalyst.Synthetic.Text;

/// <summary>
/// Ordinary, non-explicit sentences that express each indicator of triage-policy.md, in English, Roman Urdu
/// (spelled freely) and Urdu script. Every sentence in a list expresses that indicator and no other.
/// </summary>
internal static class IndicatorPhrases
{
    private const string Pic = "{tasveer|tasvir|tasweer|pic|photo|tasveerein}";

    public static readonly string[] Sextortion =
    [
        "I will share your {photos|pictures|pics} with everyone unless you pay",
        "if you don't send more I will post your {pictures|photos} in your school group",
        "pay {10000|20000|25000|50000} rupees or your family sees the {pictures|photos}",
        "I have your {photos|pictures}, do what I say or everyone will {know|see them}",
        "{warna|nahi to} tumhari " + Pic + " sab ko {bhej|send kar} {dunga|dun ga}",
        "paise {bhejo|bhej do|jaldi bhejo} warna " + Pic + " viral kar {dunga|dun ga}",
        "agar baat nahi maani to tumhari " + Pic + " tumhare {abbu|abu|bhai} ko {bhej|send kar} dunga",
        "{easypaisa|jazzcash} pe paise {bhejo|daalo} warna sab ko dikha dunga",
        "ورنہ تمہاری تصویریں سب کو بھیج دوں گا",
        "پیسے بھیجو ورنہ تصویریں وائرل کر دوں گا",
        "بات نہ مانی تو تمہاری تصویریں تمہارے گھر والوں کو دکھا دوں گا",
    ];

    /// <summary>Deadlines that turn sextortion into a tier-1 referral.</summary>
    public static readonly string[] Deadline =
    [
        "{by tonight|before midnight|you have 24 hours|until tomorrow morning}",
        "{aaj raat tak|kal subah tak|sirf 2 ghante hain|24 ghante ke andar}",
        "{آج رات تک|کل صبح تک}",
    ];

    public static readonly string[] Grooming =
    [
        "you are so mature for your age",
        "don't tell your {parents|mom|family} about {us|our chats}",
        "this is our {secret|little secret}, ok?",
        "I will send you a new {phone|mobile} as a gift",
        "nobody understands you like I do",
        "{delete|clear} our chat so nobody sees it",
        "apne {ammi abbu|ammi abu|ghar walon} ko {mat|mt} batana",
        "ye {hamara|humara} {raaz|raz} hai",
        "tum apni {umar|umr} se {zyada|ziada} samajhdar ho",
        "main tumhe {naya|new} mobile gift {karunga|karun ga}",
        "sirf {mujh|mujh} pe {bharosa|bharosa} karo, {baaki|baki} sab jhoote hain",
        "اپنے امی ابو کو مت بتانا",
        "یہ ہمارا راز ہے",
        "میں تمہیں تحفہ دوں گا، کسی کو مت بتانا",
    ];

    public static readonly string[] Meeting =
    [
        "meet me at the {mall|park|cinema} on {Saturday|Sunday|Friday}",
        "I'll pick you up after school",
        "come to the park near your house at {4|5|6}",
        "I will book a {ticket|bus} to {Lahore|Karachi|Multan} to see you",
        "{Saturday|Sunday|Jumma} ko {mall|park} mein {milo|milte hain}",
        "school ke baad main tumhe lene {aaunga|aaonga|aa jaunga}",
        "kal {shaam|sham} {5|6} baje {park|market} mein milte hain",
        "ہفتے کو مال میں ملو",
        "اسکول کے بعد میں تمہیں لینے آؤں گا",
    ];

    public static readonly string[] Production =
    [
        "send me a {picture|photo|pic} of yourself",
        "send me {a picture|a photo|pics} {now|right now|please}",
        "turn on your camera",
        "{come|go} on video call now",
        "apni " + Pic + " {bhejo|bhej do|send karo}",
        "ek " + Pic + " {bhej do na|bhejo na|send kr do}",
        "camera on {karo|kro}",
        "video call pe {aao|ao} abhi",
        "اپنی تصویر بھیجو",
        "کیمرہ آن کرو",
    ];

    public static readonly string[] ContactAbuse =
    [
        "I teach kids at the academy every evening",
        "my niece stays with me, nobody checks on us",
        "I coach the under-12 team and am alone with them after practice",
        "main academy mein {bachon|bachchon} ko tuition {parhata|padhata} hoon",
        "meri {bhanji|bhatiji} mere paas rehti hai, koi nahi {poochta|puchta}",
        "میں اکیڈمی میں بچوں کو پڑھاتا ہوں",
    ];

    public static readonly string[] Trafficking =
    [
        "I can bring the {child|girl|boy} to you if you pay first",
        "price is {20000|30000|50000} for a meeting with her, payment first",
        "paise {pehle|pehly}, phir {bachi|larki} ko le {aaunga|aaonga}",
        "rate {20000|30000} hai, {bachi|bacha} mil jayegi",
        "پیسے دو تو بچی کو لے آؤں گا",
    ];

    public static readonly string[] SelfHarmRisk =
    [
        "I will hurt myself if this gets out",
        "I don't want to live anymore",
        "main khud ko {nuqsan|nuksan} {pohncha|pahuncha} {lungi|loongi}",
        "mujhe ab {jeena|jina} nahi",
        "میں خود کو نقصان پہنچا لوں گی",
    ];

    /// <summary>Threats of harm to the child, said by the suspect; also <see cref="TextIndicators.SelfHarmRisk"/>.</summary>
    public static readonly string[] HarmThreats =
    [
        "I will hurt you if you tell anyone",
        "kisi ko bataya to {bohat|bahut} bura {hoga|hoga tumhare sath}",
        "کسی کو بتایا تو بہت برا ہوگا",
    ];

    public static IReadOnlyList<string> For(TextIndicators indicator) => indicator switch
    {
        TextIndicators.Sextortion => Sextortion,
        TextIndicators.Grooming => Grooming,
        TextIndicators.Meeting => Meeting,
        TextIndicators.Production => Production,
        TextIndicators.ContactAbuse => ContactAbuse,
        TextIndicators.Trafficking => Trafficking,
        TextIndicators.SelfHarmRisk => SelfHarmRisk,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "not a single indicator"),
    };
}
