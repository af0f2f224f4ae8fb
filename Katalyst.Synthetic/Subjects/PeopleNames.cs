namespace Katalyst.Synthetic.Subjects;

/// <summary>Common Pakistani names and the shared, meaningless identifiers many unrelated users have.</summary>
internal static class PeopleNames
{
    public static readonly string[] MaleFirst =
    [
        "Ali", "Ahmed", "Muhammad", "Usman", "Bilal", "Hamza", "Hassan", "Umar", "Zain", "Faisal", "Imran", "Kashif",
        "Shahid", "Tariq", "Asad", "Waqas", "Danish", "Junaid", "Saad", "Adnan", "Naveed", "Rizwan", "Sohail", "Yasir",
        "Irfan", "Arslan", "Fahad", "Noman", "Salman", "Kamran", "Babar", "Shoaib", "Aamir", "Zubair", "Haris", "Talha",
    ];

    public static readonly string[] FemaleFirst =
    [
        "Ayesha", "Fatima", "Zainab", "Maryam", "Hira", "Sana", "Amna", "Iqra", "Mahnoor", "Areeba", "Kinza", "Rabia",
        "Nimra", "Sidra", "Bushra", "Anum", "Laiba", "Eman", "Hafsa", "Saba",
    ];

    public static readonly string[] Last =
    [
        "Khan", "Ahmed", "Ali", "Hussain", "Butt", "Malik", "Chaudhry", "Qureshi", "Shah", "Sheikh", "Raza", "Iqbal",
        "Akhtar", "Javed", "Aslam", "Siddiqui", "Mirza", "Abbasi", "Baloch", "Yousafzai", "Afridi", "Khattak", "Memon",
        "Rana", "Gill", "Bhatti", "Awan", "Niazi", "Rajput", "Jatoi",
    ];

    public static readonly string[] ScreenWords =
    [
        "prince", "king", "lahori", "karachiwala", "munda", "star", "shadow", "tiger", "dude", "boy", "pathan", "jutt",
        "cricket", "gamer", "sultan", "hero", "dil", "jaan", "bad", "silent",
    ];

    /// <summary>Display names so common that sharing one says nothing about who a user is.</summary>
    public static readonly string[] CommonDisplayNames =
    [
        "Ali Khan", "Muhammad Ali", "Prince", "Cool Boy", "Sweet Angel", "Pakistani Munda", "Alone Boy", "Sad Girl",
        "Jaan", "Princess", "King", "Ahmed",
    ];

    /// <summary>Throw-away addresses typed by many unrelated users.</summary>
    public static readonly string[] GenericEmails =
    [
        "test@gmail.com", "abc@gmail.com", "info@gmail.com", "nomail@gmail.com", "pakistan@gmail.com",
        "user123@gmail.com", "abc123@yahoo.com", "test123@hotmail.com",
    ];

    public static readonly (string Domain, double Weight)[] EmailDomains =
    [
        ("gmail.com", 60), ("yahoo.com", 15), ("hotmail.com", 10), ("outlook.com", 10), ("icloud.com", 5),
    ];

    public static readonly string[] Schools =
    [
        "Government Girls High School", "Beaconhouse School", "The City School", "Allied School", "Dar-e-Arqam School",
        "Government Boys High School", "Punjab Group of Colleges", "Army Public School",
    ];
}
