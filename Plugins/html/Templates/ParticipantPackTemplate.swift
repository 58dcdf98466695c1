extension DefaultTemplates {
    /// The default `participant-pack.mustache`.
    ///
    /// Context keys (see `ParticipantPack.swift`; only participant-facing content is in it): `lang`, `pageTitle`,
    /// `styles`, `t.*`, `programmeTitle`, `programmeSubtitle`, `sessionLabel`, `sessionTitle`, `coverFacts`
    /// [`label`, `value`], `toc` [`anchor`, `title`], `summaryHtml`,
    /// `provenanceHtml`, `fictionalDelivery`, `days` [`anchor`, `heading`, `title`, `slots`
    /// [`start`, `end`, `title`, `anchor`]], `timesNote`, `objectives` [`text`], `activities` [`anchor`, `title`,
    /// `when`, `purposeHtml`, `instructionsHtml`, `handouts`, `cases`], `handouts` [`title`, `kind`, `href`,
    /// `descriptionHtml`], `caseStudies` [`anchor`, `title`, `facts`, `summaryHtml`, `contentWarningHtml`,
    /// `contextHtml`, `approachHtml`, `impactHtml`, `lessonsHtml`, `discussion`], `glossary` [`anchor`, `term`,
    /// `definitionHtml`], `instruments` [`anchor`, `title`, `kind`, `questions` [`number`, `name`, `text`, `hint`,
    /// `isOpen`, `isScale`, `choices` [`id`, `name`, `type`, `value`, `label`]]], `generator`.
    static let participantPack = #"""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}}</title>
        <style>
        {{{styles}}}
        </style>
        </head>
        <body class="participant">
        <header class="cover">
        <p class="kicker">{{t.participantPack}} · {{programmeHeading}}</p>
        <h1>{{sessionHeading}}</h1>
        {{#programmeSubtitle}}<p class="subtitle">{{.}}</p>{{/programmeSubtitle}}
        <dl class="facts cover-facts">
        {{#coverFacts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>
        {{/coverFacts}}
        </dl>
        {{#provenanceHtml}}<aside class="provenance"><p class="provenance-label">{{t.aboutThisMaterial}}</p>
        {{{.}}}{{#fictionalDelivery}}<p>{{t.fictionalDelivery}}</p>{{/fictionalDelivery}}</aside>{{/provenanceHtml}}
        {{^provenanceHtml}}{{#fictionalDelivery}}<aside class="provenance"><p>{{t.fictionalDelivery}}</p></aside>{{/fictionalDelivery}}{{/provenanceHtml}}
        {{{summaryHtml}}}
        </header>

        <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">{{t.contents}}</h2>
        <ol>
        {{#toc}}<li><a href="#{{anchor}}">{{title}}</a></li>
        {{/toc}}
        </ol>
        </nav>

        <main>
        <section id="agenda" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{{t.agenda}}</h2>
        {{#timesNote}}<p class="note">{{.}}</p>{{/timesNote}}
        {{#days}}
        <div class="day" id="{{anchor}}">
        <h3>{{heading}}{{#title}}{{t.colon}}{{.}}{{/title}}</h3>
        <table class="agenda">
        <thead><tr><th scope="col">{{t.time}}</th><th scope="col">{{t.activity}}</th></tr></thead>
        <tbody>
        {{#slots}}<tr><td class="nowrap">{{start}}–{{end}}</td><td>{{#anchor}}<a href="#{{.}}">{{title}}</a>{{/anchor}}{{^anchor}}{{title}}{{/anchor}}</td></tr>
        {{/slots}}
        </tbody>
        </table>
        </div>
        {{/days}}
        </section>

        {{^empty(objectives)}}
        <section id="objectives" aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">{{t.objectives}}</h2>
        <ol class="objectives">
        {{#objectives}}<li>{{text}}</li>
        {{/objectives}}
        </ol>
        </section>
        {{/empty(objectives)}}

        {{^empty(activities)}}
        <section id="activities" aria-labelledby="activities-heading">
        <h2 id="activities-heading">{{t.activityInstructions}}</h2>
        {{#activities}}
        <article class="participant-activity" id="{{anchor}}" aria-labelledby="{{anchor}}-heading">
        <h3 id="{{anchor}}-heading">{{title}}</h3>
        <p class="muted">{{when}}</p>
        {{{purposeHtml}}}
        {{#instructionsHtml}}<div class="instructions">{{{.}}}</div>{{/instructionsHtml}}
        {{^empty(handouts)}}<p class="see"><strong>{{t.handouts}}{{t.colon}}</strong>{{#handouts}}{{#href}}<a href="{{.}}">{{title}}</a>{{/href}}{{^href}}{{title}}{{/href}}{{^last()}}; {{/last()}}{{/handouts}}</p>{{/empty(handouts)}}
        {{^empty(cases)}}<p class="see"><strong>{{t.caseStudies}}{{t.colon}}</strong>{{#cases}}<a href="#{{anchor}}">{{title}}</a>{{^last()}}; {{/last()}}{{/cases}}</p>{{/empty(cases)}}
        </article>
        {{/activities}}
        </section>
        {{/empty(activities)}}

        {{^empty(handouts)}}
        <section id="handouts" aria-labelledby="handouts-heading">
        <h2 id="handouts-heading">{{t.handouts}}</h2>
        <ul class="handouts">
        {{#handouts}}<li>{{#href}}<a href="{{.}}">{{title}}</a>{{/href}}{{^href}}{{title}}{{/href}} <span class="muted">({{kind}})</span>{{{descriptionHtml}}}</li>
        {{/handouts}}
        </ul>
        </section>
        {{/empty(handouts)}}

        {{^empty(caseStudies)}}
        <section id="case-studies" aria-labelledby="case-studies-heading">
        <h2 id="case-studies-heading">{{t.caseStudies}}</h2>
        {{#caseStudies}}
        <article class="case-study" id="{{anchor}}" aria-labelledby="{{anchor}}-heading">
        <h3 id="{{anchor}}-heading">{{title}}</h3>
        {{^empty(facts)}}<dl class="facts inline-facts">{{#facts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/facts}}</dl>{{/empty(facts)}}
        {{#contentWarningHtml}}<div class="warning" role="note"><h4>{{t.contentWarning}}</h4>{{{.}}}</div>{{/contentWarningHtml}}
        {{#summaryHtml}}<h4>{{t.summary}}</h4>
        {{{.}}}{{/summaryHtml}}
        {{#contextHtml}}<h4>{{t.context}}</h4>
        {{{.}}}{{/contextHtml}}
        {{#approachHtml}}<h4>{{t.approach}}</h4>
        {{{.}}}{{/approachHtml}}
        {{#impactHtml}}<h4>{{t.impact}}</h4>
        {{{.}}}{{/impactHtml}}
        {{#lessonsHtml}}<h4>{{t.lessons}}</h4>
        {{{.}}}{{/lessonsHtml}}
        {{^empty(discussion)}}<h4>{{t.discussion}}</h4>
        <ol>{{#discussion}}<li>{{text}}</li>{{/discussion}}</ol>{{/empty(discussion)}}
        </article>
        {{/caseStudies}}
        </section>
        {{/empty(caseStudies)}}

        {{^empty(glossary)}}
        <section id="glossary" aria-labelledby="glossary-heading">
        <h2 id="glossary-heading">{{t.glossary}}</h2>
        <dl class="glossary">
        {{#glossary}}<dt id="{{anchor}}">{{term}}</dt><dd>{{{definitionHtml}}}</dd>
        {{/glossary}}
        </dl>
        </section>
        {{/empty(glossary)}}

        {{^empty(instruments)}}
        <section id="evaluation" aria-labelledby="evaluation-heading">
        <h2 id="evaluation-heading">{{t.evaluationForm}}</h2>
        {{#instruments}}
        <form class="evaluation-form" id="{{anchor}}" aria-labelledby="{{anchor}}-heading">
        <h3 id="{{anchor}}-heading">{{title}} <span class="muted">· {{kind}}</span></h3>
        {{#questions}}
        <fieldset class="question">
        <legend><span class="question-number">{{number}}.</span> {{text}}</legend>
        {{#hint}}<p class="hint">{{.}}</p>{{/hint}}
        {{^isOpen}}<div class="choices choices-{{layout}}">{{#choices}}<label for="{{id}}"><input type="{{type}}" id="{{id}}" name="{{name}}" value="{{value}}"> <span>{{label}}</span></label>{{/choices}}</div>{{/isOpen}}
        {{#isOpen}}<label class="visually-hidden" for="{{name}}-answer">{{t.yourAnswer}}</label><textarea id="{{name}}-answer" name="{{name}}" rows="4" placeholder="{{t.openAnswer}}"></textarea>{{/isOpen}}
        </fieldset>
        {{/questions}}
        </form>
        {{/instruments}}
        </section>
        {{/empty(instruments)}}
        </main>
        <footer>
        <p>{{programmeHeading}} · {{sessionLabel}} · {{t.participantPack}} · {{generator}}</p>
        </footer>
        </body>
        </html>

        """#
}
