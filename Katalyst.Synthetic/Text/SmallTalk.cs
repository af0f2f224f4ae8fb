namespace Katalyst.Synthetic.Text;

/// <summary>Everyday chat, notes and bios that carry no indicator at all.</summary>
internal static class SmallTalk
{
    public static readonly string[] Lines =
    [
        "hi", "hello", "salam", "assalam o alaikum", "kya haal hai?", "kya {haal|hal} {hai|he}", "theek hoon", "ok",
        "acha", "{acha|achha} theek hai", "lol", "hahaha", "good night", "kal baat karte hain", "did you finish the homework?",
        "match dekha? {Babar|Rizwan|Shaheen} ne kamal kar diya", "where are you?", "kahan ho?", "busy hoon abhi",
        "call me later", "baad mein call karna", "online ao", "net slow hai yaar", "eid mubarak!", "happy birthday!",
        "کیا حال ہے؟", "ٹھیک ہوں", "کل بات کرتے ہیں", "شب بخیر", "{bhook|bhuk} lagi hai", "exam kab hai?",
        "kal school jana hai", "ammi bula rahi hain", "brb", "ok bye", "miss you yaar", "kya kar rahe ho?",
    ];

    public static readonly string[] Openers = ["", "", "", "acha ", "sun ", "listen ", "dekho ", "yaar ", "سنو "];

    public static readonly string[] Closers = ["", "", "", " ok?", " samjhi?", " 🙂", " !!", " ...", " ٹھیک ہے؟"];

    public static readonly string[] Bios =
    [
        "Cricket lover 🏏 | {Lahore|Karachi|Peshawar|Multan}", "Student | {FSc|BS CS|Matric} | {Pakistan|PK} 🇵🇰",
        "Living my life 😎", "Allah is always with me", "Mobile shop {owner|wala} | {Faisalabad|Quetta|Hyderabad}",
        "Gamer | PUBG | Free Fire", "Proud Pakistani", "زندگی خوبصورت ہے", "{Biker|Traveller|Foodie} | DM for business",
        "apni marzi ka malik", "Engineer | {Islamabad|Rawalpindi}", "", "",
    ];

    public static readonly string[] EspNotes =
    [
        "Account reported after automated review of shared files.",
        "Files were found by automated review at upload.",
        "User account disabled after review.",
        "Report generated from {user|trust and safety} flag; files attached.",
        "The account shared the attached files in private messages.",
        "Content was uploaded to a private album.",
    ];
}
