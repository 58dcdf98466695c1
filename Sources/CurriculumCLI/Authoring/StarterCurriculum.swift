import CurriculumPluginKit

/// The files `curriculum init` writes: a one-day workshop that validates without a single finding and packs, so a
/// new author starts from something that works and changes it a piece at a time.
///
/// Every element the rules look for is present (objectives that are developed and assessed, instructions and
/// notes on each activity, a complete case study with its sources and consent, breaks at least every 90 minutes,
/// a day that ends when its agenda does), and each file says in a comment what to change.
struct StarterCurriculum {
    /// The programme's ID, also used in the delivery and the pack folder's name.
    let id: String
    /// The source language (`xml:lang`).
    let language: String

    /// Relative path → contents, in the order they are written.
    var files: [(path: String, contents: String)] {
        [
            ("curriculum.json", configuration),
            ("programme.xml", programme),
            ("modules/first-module.xml", module),
            ("cases/example-case.xml", caseStudy),
            ("sessions/day-one.xml", session),
            ("deliveries/example-cohort.xml", delivery),
            ("handouts/worksheet.md", worksheet),
            ("README.md", readme),
        ]
    }

    private var lang: String { MarkupEscaping.attribute(language) }

    private var configuration: String {
        """
        {
          "rules": {}
        }

        """
    }

    private var programme: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- The programme: its identity, its objectives and resources, and the files it includes.
             docs/format.md in CurriculumKit describes every element; `curriculum explain CODE` explains a finding. -->
        <programme xmlns="urn:curriculumkit:curriculum:1" format-version="1.0" xml:lang="\(lang)"
                   id="\(id)" revision="1" status="draft">
          <meta>
            <title>My first workshop</title>
            <summary>
              <p>A one-day workshop. Replace this summary with what the programme is and who it is for.</p>
            </summary>
            <provenance>
              <p>Written by the course team as a starting point. The case study and the cohort are invented; no real
                organisation, city or person is described.</p>
            </provenance>
            <owner>The course team</owner>
            <licence>CC BY 4.0</licence>
            <languages source="\(lang)"/>
          </meta>

          <audiences>
            <audience id="aud-participants" role="participant">
              <name>Participants</name>
              <group-size min="8" max="16"/>
            </audience>
          </audiences>

          <objectives>
            <objective id="obj-describe" domain="knowledge" level="understand">
              <text>Describe the three steps of the method in one's own words</text>
            </objective>
            <objective id="obj-apply" domain="skill" level="apply">
              <text>Apply the method to a situation from one's own work</text>
            </objective>
          </objectives>

          <resources>
            <resource id="res-worksheet" kind="worksheet" href="handouts/worksheet.md" media-type="text/markdown"
                      for="all" print="yes" copies-per="participant" xml:lang="\(lang)">
              <title>Worksheet</title>
            </resource>
          </resources>

          <case-studies>
            <include href="cases/example-case.xml" expect="case-study"/>
          </case-studies>

          <modules>
            <include href="modules/first-module.xml" expect="module"/>
          </modules>

          <sessions>
            <include href="sessions/day-one.xml" expect="session"/>
          </sessions>

          <deliveries>
            <include href="deliveries/example-cohort.xml" expect="delivery"/>
          </deliveries>
        </programme>

        """
    }

    private var module: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- A reusable module: timed activities with instructions for participants and notes for facilitators.
             min= and max= say how far an activity can be shortened or stretched, as assemble does to fit a day. -->
        <module xmlns="urn:curriculumkit:curriculum:1" format-version="1.0" id="m-first">
          <title>The method</title>
          <activities>
            <activity id="a-input" kind="input" duration="PT45M" min="PT30M" max="PT1H" develops="obj-describe">
              <title>The method in three steps</title>
              <participant-instructions>
                <p>Listen for the three steps and note one question about each.</p>
              </participant-instructions>
              <facilitator-notes>
                <p>Keep to twenty minutes of talk; leave the rest for questions.</p>
              </facilitator-notes>
            </activity>
            <activity id="a-case" kind="case-discussion" duration="PT1H15M" min="PT45M" max="PT1H30M"
                      develops="obj-describe obj-apply" cases="cs-example" grouping="small-groups">
              <title>The example case</title>
              <participant-instructions>
                <p>In groups of four, read the case and say where each step of the method was used, or missed.</p>
              </participant-instructions>
              <facilitator-notes>
                <p>Ask each group for one step that was missed and what it would have changed.</p>
              </facilitator-notes>
            </activity>
            <activity id="a-practice" kind="group-work" duration="PT1H15M" min="PT1H" max="PT1H30M"
                      develops="obj-apply" resources="res-worksheet" grouping="pairs">
              <title>Your own situation</title>
              <participant-instructions>
                <p>In pairs, fill in the worksheet for a situation from your own work.</p>
              </participant-instructions>
              <facilitator-notes>
                <p>Walk round; help pairs who pick a situation too large for one worksheet.</p>
              </facilitator-notes>
            </activity>
            <activity id="a-plan" kind="plenary" duration="PT45M" min="PT30M" max="PT1H" develops="obj-apply"
                      assesses="obj-apply">
              <title>What I will do next week</title>
              <participant-instructions>
                <p>Tell the group one thing you will try next week, and with whom.</p>
              </participant-instructions>
              <facilitator-notes>
                <p>Write each commitment on the flip chart; photograph it for the follow-up.</p>
              </facilitator-notes>
            </activity>
          </activities>
          <evaluation>
            <question id="q-steps" type="open" assesses="obj-describe">
              <text>Name the three steps of the method.</text>
            </question>
            <question id="q-apply" type="likert" assesses="obj-apply">
              <text>I can apply the method to a situation from my own work.</text>
            </question>
          </evaluation>
        </module>

        """
    }

    private var caseStudy: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- A case study: the situation, what was done and what came of it, with its sources and on what basis it
             is told. This one is invented; say so in the sources, as here, when yours is too. -->
        <case-study xmlns="urn:curriculumkit:curriculum:1" id="cs-example" anonymised="not-applicable"
                    consent="not-required">
          <title>The example case</title>
          <summary>
            <p>A team meets a situation the method was made for, and uses only part of it.</p>
          </summary>
          <context><p>Describe the situation: who was involved, where, and what was at stake.</p></context>
          <approach><p>Describe what the team did, step by step.</p></approach>
          <impact><p>Describe what came of it, good and bad.</p></impact>
          <lessons><p>What others can learn from it.</p></lessons>
          <discussion>
            <question>Which step would you have taken first, and why?</question>
          </discussion>
          <facilitator-notes><p>The case is invented for this starter; replace it with one of your own.</p></facilitator-notes>
          <sources>
            <source date="2027">Invented by the course team; no real events are described.</source>
          </sources>
        </case-study>

        """
    }

    private var session: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- A one-day session: the day's agenda, back to back. <use> places a module's activities; <item> is an
             activity written here. `curriculum show .` prints the timetable with clock times. -->
        <session xmlns="urn:curriculumkit:curriculum:1" format-version="1.0" id="s1" number="1" days="1"
                 audience="aud-participants">
          <title>A day with the method</title>
          <objectives-ref refs="obj-describe obj-apply"/>
          <day n="1" nominal-start="09:00" ends="15:30">
            <agenda>
              <item id="s1-welcome" kind="welcome" duration="PT30M" grouping="plenary">
                <title>Welcome and expectations</title>
                <facilitator-notes><p>Each participant says what brought them here.</p></facilitator-notes>
              </item>
              <use module="m-first" activity="a-input"/>
              <item id="s1-break-1" kind="break" duration="PT15M">
                <title>Break</title>
              </item>
              <use module="m-first" activity="a-case"/>
              <item id="s1-lunch" kind="meal" duration="PT1H">
                <title>Lunch</title>
              </item>
              <use module="m-first" activity="a-practice"/>
              <item id="s1-break-2" kind="break" duration="PT15M">
                <title>Break</title>
              </item>
              <use module="m-first" activity="a-plan"/>
              <item id="s1-close" kind="evaluation" duration="PT30M">
                <title>Evaluation and close</title>
                <facilitator-notes><p>Hand out the questionnaire and collect it before people leave.</p></facilitator-notes>
              </item>
            </agenda>
          </day>
          <evaluation>
            <instrument id="ev-s1" kind="post">
              <title>End of day questionnaire</title>
              <questions-from module="m-first"/>
            </instrument>
          </evaluation>
        </session>

        """
    }

    private var delivery: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- One cohort: dates, time zone and venue. fictional="true" says on every pack's cover that the cohort is
             invented; remove it when you schedule a real one. -->
        <delivery xmlns="urn:curriculumkit:curriculum:1" format-version="1.0" id="example-cohort"
                  programme="\(id)" timezone="UTC" fictional="true">
          <title>Example cohort</title>
          <venue>
            <name>Training room</name>
          </venue>
          <facilitator role="lead">Lead facilitator</facilitator>
          <session-run session="s1" date="2027-03-15"/>
        </delivery>

        """
    }

    private var worksheet: String {
        """
        # Worksheet

        | Step | What happened | What I would do |
        |---|---|---|
        | 1 |   |   |
        | 2 |   |   |
        | 3 |   |   |

        """
    }

    private var readme: String {
        """
        # My first workshop

        A one-day workshop in CurriculumKit's XML format, made by `curriculum init`. It validates without a single
        finding and packs as it is; change it a piece at a time and keep it that way.

        | file | what it holds |
        |---|---|
        | `programme.xml` | the title, objectives, resources, and the includes of everything below |
        | `modules/first-module.xml` | the activities, each with a duration, instructions and facilitator notes |
        | `sessions/day-one.xml` | the day's agenda: items and module activities, back to back |
        | `cases/example-case.xml` | a case study for discussion |
        | `deliveries/example-cohort.xml` | one cohort's date, time zone and venue (marked fictional) |
        | `handouts/worksheet.md` | a handout, packed with the session |
        | `curriculum.json` | settings: rules switched off or made stricter, plugins |

        ## The loop

        1. **Edit** a file. Start with the title in `programme.xml`, then the activities in the module.
        2. **Validate**: `curriculum validate .` prints each finding at its file, line and column, with a code.
        3. **Explain**: `curriculum explain TIM003` says what a code means, shows an example that triggers it and
           how to fix it.
        4. **Preview**: `curriculum show .` prints the day's timetable with clock times, and
           `curriculum pack . --format html --out packs` writes the facilitator guide and participant pack to open
           in a browser.
        5. **Pack**: `curriculum pack . --out packs` writes everything a trainer needs for the day, in
           `packs/\(id)-s1/`.

        To make a shorter or longer day from the module's activities, see `curriculum assemble --help`; to have the
        texts translated, see `curriculum translate --help`. The format is described element by element in
        CurriculumKit's `docs/format.md`, and the whole workflow in its `docs/authoring.md`.

        """
    }
}
