/// For each core rule, a short piece of a curriculum that triggers it and the same piece fixed, shown by
/// `curriculum explain CODE`. Kept beside the command rather than in the rule catalogue so that the catalogue stays
/// the one source of what a rule is, and this file only of how it looks in practice.
enum RuleExamples {
    struct Example {
        /// XML (or a description in words, for rules about whole files) that triggers the rule.
        var trigger: String
        /// The same piece, fixed.
        var fix: String
    }

    /// The example for a code, if one is written.
    static func example(for code: String) -> Example? {
        table[code.uppercased()]
    }

    // swift-format-ignore
    private static let table: [String: Example] = [
        "XML001": Example(
            trigger: "<title>Partners</titel>",
            fix: "<title>Partners</title>"),
        "XML002": Example(
            trigger: "<!DOCTYPE programme [ <!ENTITY org \"Example City\"> ]>",
            fix: "(no DOCTYPE; write Example City where &org; stood)"),
        "XML003": Example(
            trigger: "<xi:include href=\"modules/partners.xml\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"/>",
            fix: "<include href=\"modules/partners.xml\" expect=\"module\"/>"),
        "XML004": Example(
            trigger: "programme.xml that is really programme.xml.gz, or a file saved as UTF-16 with NUL bytes",
            fix: "gunzip it, or save it again as UTF-8 text"),
        "XML005": Example(
            trigger: "one programme file of 40 MiB with every module written inline",
            fix: "<modules><include href=\"modules/partners.xml\" expect=\"module\"/>…</modules>"),
        "XML006": Example(
            trigger: "a generated file with 200 levels of nested <ul><li>",
            fix: "regenerate it flat; real curricula nest a few levels deep"),
        "STR001": Example(
            trigger: "<programme format-version=\"1.0\" id=\"p\">",
            fix: "<programme xmlns=\"urn:curriculumkit:curriculum:1\" format-version=\"1.0\" id=\"p\">"),
        "STR002": Example(
            trigger: "<programme xmlns=\"urn:curriculumkit:curriculum:1\" format-version=\"2.0\" …>",
            fix: "<programme xmlns=\"urn:curriculumkit:curriculum:1\" format-version=\"1.0\" …>"),
        "STR003": Example(
            trigger: "<activity …><titel>Partners</titel>",
            fix: "<activity …><title>Partners</title>"),
        "STR004": Example(
            trigger: "<activity id=\"a-map\" kind=\"group-work\" durration=\"PT45M\">",
            fix: "<activity id=\"a-map\" kind=\"group-work\" duration=\"PT45M\">"),
        "STR005": Example(
            trigger: "<activity kind=\"group-work\" duration=\"PT45M\">",
            fix: "<activity id=\"a-map\" kind=\"group-work\" duration=\"PT45M\">"),
        "STR006": Example(
            trigger: "<activity id=\"a-map\" kind=\"groupwork\" duration=\"PT45M\">",
            fix: "<activity id=\"a-map\" kind=\"group-work\" duration=\"PT45M\">"),
        "STR007": Example(
            trigger: "<include href=\"modules/partner.xml\" expect=\"module\"/>   (the file is partners.xml)",
            fix: "<include href=\"modules/partners.xml\" expect=\"module\"/>"),
        "STR008": Example(
            trigger: "<include href=\"sessions/s1.xml\" expect=\"module\"/>   (the file's root is <session>)",
            fix: "<include href=\"sessions/s1.xml\" expect=\"session\"/>"),
        "STR009": Example(
            trigger: "a.xml includes b.xml, and b.xml includes a.xml",
            fix: "keep one of the two includes"),
        "STR010": Example(
            trigger: "<include href=\"../../shared/partners.xml\" expect=\"module\"/>",
            fix: "move shared/ under the curriculum root, or put a curriculum.json in a folder above both"),
        "STR011": Example(
            trigger: "<session id=\"s1\" days=\"2\"> <day n=\"1\" …/> <day n=\"3\" …/>",
            fix: "<session id=\"s1\" days=\"2\"> <day n=\"1\" …/> <day n=\"2\" …/>"),
        "STR012": Example(
            trigger: "<title></title>",
            fix: "<title>Working with partners</title>"),
        "STR013": Example(
            trigger: "modules/old-partners.xml in the folder, included by no programme",
            fix: "<modules><include href=\"modules/old-partners.xml\" expect=\"module\"/></modules>, or move the file out"),
        "REF001": Example(
            trigger: "<activity id=\"a-map\" …/> … <item id=\"a-map\" …/>",
            fix: "<activity id=\"a-map\" …/> … <item id=\"s1-map\" …/>"),
        "REF002": Example(
            trigger: "<activity … develops=\"obj-partner\">   (the objective is obj-partners)",
            fix: "<activity … develops=\"obj-partners\">"),
        "REF003": Example(
            trigger: "<activity … develops=\"res-map\">   (res-map is a resource)",
            fix: "<activity … develops=\"obj-partners\" resources=\"res-map\">"),
        "REF004": Example(
            trigger: "<objective id=\"obj-extra\">…</objective>   (no develops=, assesses= or refs= names it)",
            fix: "<activity … develops=\"obj-extra\">, or remove the objective"),
        "REF005": Example(
            trigger: "<resource id=\"res-map\" kind=\"worksheet\" href=\"handouts/map.pdf\">   (no such file)",
            fix: "<resource id=\"res-map\" kind=\"worksheet\" href=\"handouts/partner-map.pdf\">"),
        "REF006": Example(
            trigger: "href=\"handouts/Partner-Map.pdf\"   (the file is partner-map.pdf)",
            fix: "href=\"handouts/partner-map.pdf\""),
        "REF007": Example(
            trigger: "href=\"/home/me/Documents/map.pdf\"",
            fix: "href=\"handouts/map.pdf\"   (the file copied under the curriculum)"),
        "REF008": Example(
            trigger: "<link href=\"javascript:alert(1)\">the map</link>",
            fix: "<link href=\"https://example.org/map\">the partner map</link>"),
        "REF009": Example(
            trigger: "<resource id=\"res-guide\" kind=\"link\" href=\"http://example.org/guide\">",
            fix: "<resource id=\"res-guide\" kind=\"link\" href=\"https://example.org/guide\">"),
        "REF010": Example(
            trigger: "<session id=\"s1\" prerequisites=\"s2\"> … <session id=\"s2\" prerequisites=\"s1\">",
            fix: "<session id=\"s1\"> … <session id=\"s2\" prerequisites=\"s1\">"),
        "REF011": Example(
            trigger: "<use module=\"m-partners\" activity=\"a-mapping\"/>   (the activity is a-map)",
            fix: "<use module=\"m-partners\" activity=\"a-map\"/>"),
        "REF012": Example(
            trigger: "<use module=\"m-partners\"/> … <use module=\"m-partners\" activity=\"a-map\"/>",
            fix: "<use module=\"m-partners\"/>   (once)"),
        "TIM001": Example(
            trigger: "<activity id=\"a-map\" kind=\"group-work\" duration=\"45\">",
            fix: "<activity id=\"a-map\" kind=\"group-work\" duration=\"PT45M\">"),
        "TIM002": Example(
            trigger: "<item id=\"s1-welcome\" kind=\"welcome\">",
            fix: "<item id=\"s1-welcome\" kind=\"welcome\" duration=\"PT30M\">"),
        "TIM003": Example(
            trigger: "<day n=\"1\" nominal-start=\"09:00\" ends=\"12:00\">   (the agenda takes 3 h 30 min)",
            fix: "<day n=\"1\" nominal-start=\"09:00\" ends=\"12:30\">, or shorten an item by 30 minutes"),
        "TIM004": Example(
            trigger: "<day n=\"1\" nominal-start=\"08:00\" ends=\"18:30\">",
            fix: "two days: <day n=\"1\" … ends=\"13:00\"> and <day n=\"2\" …>"),
        "TIM005": Example(
            trigger: "<use … activity=\"a-input\"/> (PT1H) <use … activity=\"a-case\"/> (PT1H)",
            fix: "<use … activity=\"a-input\"/> <item id=\"s1-break\" kind=\"break\" duration=\"PT15M\">…</item> <use … activity=\"a-case\"/>"),
        "TIM006": Example(
            trigger: "<activity … duration=\"PT30M\" min=\"PT45M\" max=\"PT1H\">",
            fix: "<activity … duration=\"PT45M\" min=\"PT45M\" max=\"PT1H\">"),
        "TIM007": Example(
            trigger: "<session-run session=\"s2\" date=\"2027-03-09\"/> <session-run session=\"s1\" date=\"2027-03-10\"/>",
            fix: "<session-run session=\"s1\" date=\"2027-03-09\"/> <session-run session=\"s2\" date=\"2027-03-10\"/>"),
        "TIM008": Example(
            trigger: "<delivery … timezone=\"CET\">",
            fix: "<delivery … timezone=\"Europe/Brussels\">"),
        "TIM009": Example(
            trigger: "<delivery … programme=\"liaise\"> <session-run session=\"s9\" …/>   (no session s9)",
            fix: "<session-run session=\"s1\" …/>"),
        "TIM010": Example(
            trigger: "<day n=\"1\" nominal-start=\"09:00\" ends=\"17:00\">   (the agenda ends at 15:30)",
            fix: "<day n=\"1\" nominal-start=\"09:00\" ends=\"15:30\">"),
        "TIM011": Example(
            trigger: "<day n=\"1\" nominal-start=\"9am\" ends=\"17:00\">",
            fix: "<day n=\"1\" nominal-start=\"09:00\" ends=\"17:00\">"),
        "TIM012": Example(
            trigger: "<item id=\"s1-photo\" kind=\"plenary\" duration=\"PT0M\">",
            fix: "<item id=\"s1-photo\" kind=\"plenary\" duration=\"PT10M\">"),
        "PED001": Example(
            trigger: "<session id=\"s1\" days=\"1\"> <title>…</title> <day …>",
            fix: "<session id=\"s1\" days=\"1\"> <title>…</title> <objectives-ref refs=\"obj-partners\"/> <day …>"),
        "PED002": Example(
            trigger: "<objective id=\"obj-partners\">   (no activity has develops=\"obj-partners\")",
            fix: "<activity id=\"a-map\" … develops=\"obj-partners\">"),
        "PED003": Example(
            trigger: "<objective id=\"obj-partners\">   (no question has assesses=\"obj-partners\")",
            fix: "<question id=\"q-partners\" type=\"open\" assesses=\"obj-partners\"><text>…</text></question>"),
        "PED004": Example(
            trigger: "<text>Understand the local partners</text>",
            fix: "<text>Name three local partners and what each can do</text>"),
        "PED005": Example(
            trigger: "<activity id=\"a-map\" …> <title>…</title> <participant-instructions>…</participant-instructions> </activity>",
            fix: "… <facilitator-notes><p>Ask which partner they have never called.</p></facilitator-notes> </activity>"),
        "PED006": Example(
            trigger: "<activity id=\"a-map\" kind=\"group-work\" …> <title>…</title> <facilitator-notes>…</facilitator-notes>",
            fix: "<activity …> <title>…</title> <participant-instructions><p>In threes, …</p></participant-instructions> <facilitator-notes>…"),
        "PED007": Example(
            trigger: "<session id=\"s1\" …> … </day> </session>",
            fix: "… </day> <evaluation><instrument id=\"ev-s1\" kind=\"post\">…</instrument></evaluation> </session>"),
        "PED008": Example(
            trigger: "<case-study id=\"cs-1\" …> <title>…</title> <context>…</context> </case-study>",
            fix: "… <context>…</context> <approach>…</approach> <impact>…</impact> </case-study>"),
        "PED009": Example(
            trigger: "<case-study id=\"cs-1\" …> … </case-study>",
            fix: "… <sources><source date=\"2024\">City annual report</source></sources> </case-study>"),
        "PED010": Example(
            trigger: "a day of four inputs of PT1H and one group-work of PT30M",
            fix: "turn two of the inputs into case discussions or group work"),
        "PED011": Example(
            trigger: "<objectives-ref refs=\"obj-partners obj-plan\"/>   (nothing on the agenda develops obj-plan)",
            fix: "<objectives-ref refs=\"obj-partners\"/>, or place an activity with develops=\"obj-plan\""),
        "PED012": Example(
            trigger: "<question id=\"q1\" type=\"single\"><text>…</text><option>Yes</option></question>",
            fix: "<question id=\"q1\" type=\"single\"><text>…</text><option>Yes</option><option>No</option></question>"),
        "ACC001": Example(
            trigger: "<resource id=\"res-map\" kind=\"image\" href=\"map.png\">",
            fix: "<resource id=\"res-map\" kind=\"image\" href=\"map.png\"> … <accessibility alt=\"Map of the partners\"/>"),
        "ACC002": Example(
            trigger: "<link href=\"https://example.org/map\">click here</link>",
            fix: "<link href=\"https://example.org/map\">the partner map template</link>"),
        "ACC003": Example(
            trigger: "<resource id=\"res-film\" kind=\"video\" href=\"film.mp4\">",
            fix: "<resource id=\"res-film\" kind=\"video\" href=\"film.mp4\"> … <accessibility captions=\"yes\"/>"),
        "ACC004": Example(
            trigger: "<resource id=\"res-guide\" kind=\"document\" href=\"guide.pdf\">",
            fix: "<resource id=\"res-guide\" kind=\"document\" href=\"guide.pdf\"> … <accessibility tagged=\"yes\"/>"),
        "ACC005": Example(
            trigger: "<resource id=\"res-talk\" kind=\"audio\" href=\"talk.mp3\">",
            fix: "<resource id=\"res-talk\" kind=\"audio\" href=\"talk.mp3\"> … <accessibility transcript=\"talk.md\"/>"),
        "ACC006": Example(
            trigger: "<languages source=\"en\" translations=\"fr\"/> … <resource id=\"res-guide\" kind=\"document\" href=\"guide.pdf\">",
            fix: "<resource id=\"res-guide\" kind=\"document\" href=\"guide.pdf\" xml:lang=\"en\">"),
        "LNG001": Example(
            trigger: "<t xml:lang=\"french\">Partenaires</t>",
            fix: "<t xml:lang=\"fr\">Partenaires</t>"),
        "LNG002": Example(
            trigger: "<session … translations=\"fr\"> <title>Partners</title>",
            fix: "<session … translations=\"fr\"> <title>Partners<t xml:lang=\"fr\">Partenaires</t></title>"),
        "LNG003": Example(
            trigger: "<title rev=\"2\">Working with partners<t xml:lang=\"fr\" rev=\"1\">Partenaires</t></title>",
            fix: "<title rev=\"2\">Working with partners<t xml:lang=\"fr\" rev=\"2\">Travailler avec les partenaires</t></title>"),
        "LNG004": Example(
            trigger: "<languages source=\"en\" translations=\"fr\"/> … <session … translations=\"nl\">",
            fix: "<languages source=\"en\" translations=\"fr nl\"/>"),
        "LNG005": Example(
            trigger: "<title>Partners<t xml:lang=\"fr\">Partenaires</t><t xml:lang=\"fr\">Les partenaires</t></title>",
            fix: "<title>Partners<t xml:lang=\"fr\">Partenaires</t></title>"),
        "SAF001": Example(
            trigger: "<case-study id=\"cs-1\" consent=\"obtained\">",
            fix: "<case-study id=\"cs-1\" consent=\"obtained\" anonymised=\"yes\">"),
        "SAF002": Example(
            trigger: "<case-study id=\"cs-1\" anonymised=\"yes\">",
            fix: "<case-study id=\"cs-1\" anonymised=\"yes\" consent=\"public-source\">"),
        "SAF003": Example(
            trigger: "<case-study id=\"cs-1\" sensitivity=\"high\" …> <title>…</title> <context>…",
            fix: "… <title>…</title> <content-warning><p>Describes an attack.</p></content-warning> <context>… <facilitator-notes>…</facilitator-notes>"),
        "SAF004": Example(
            trigger: "<participant-instructions><p>Questions to jane.doe@example.org</p></participant-instructions>",
            fix: "<facilitator-notes><p>Questions to jane.doe@example.org</p></facilitator-notes>"),
        "SAF005": Example(
            trigger: "<p>Log in with password: Summer2027!</p>",
            fix: "<p>Log in with the password the organiser sends you.</p>   (and change the password)"),
        "SAF006": Example(
            trigger: "<case-study id=\"cs-1\" consent=\"pending\" anonymised=\"yes\">",
            fix: "<case-study id=\"cs-1\" consent=\"pending\" anonymised=\"yes\" for=\"facilitator\">"),
        "EXP001": Example(
            trigger: "<facilitator-notes for=\"all\"><p>Watch for …</p></facilitator-notes>",
            fix: "<facilitator-notes><p>Watch for …</p></facilitator-notes>"),
        "EXP002": Example(
            trigger: "<resource id=\"res-key\" … for=\"facilitator\"/> … <activity … resources=\"res-key\">",
            fix: "<resource id=\"res-key\" … for=\"all\"/>, or name it only in the facilitator notes"),
        "EXP003": Example(
            trigger: "<resource id=\"res-map\" kind=\"worksheet\">",
            fix: "<resource id=\"res-map\" kind=\"worksheet\" href=\"handouts/partner-map.pdf\">"),
        "EXP004": Example(
            trigger: "href=\"handouts/Partner map #2.pdf\"",
            fix: "href=\"handouts/partner-map-2.pdf\""),
        "EXP005": Example(
            trigger: "<resource … href=\"handouts/map.pdf\" media-type=\"text/markdown\">",
            fix: "<resource … href=\"handouts/map.pdf\" media-type=\"application/pdf\">"),
    ]
}
